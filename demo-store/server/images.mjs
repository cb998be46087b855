// Product and banner pictures drawn as SVG, so the demo store needs no image files and no external host.
import { BANNERS, categoryById, discountPercent, productById, productsIn, variantOf } from '../shared/catalog.mjs';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A colour darker (amount < 0) or lighter (amount > 0) than `hex`. */
function shade(hex, amount) {
  const n = parseInt(hex.slice(1), 16);
  const mix = (v) => Math.round(amount < 0 ? v * (1 + amount) : v + (255 - v) * amount);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map(mix);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

const rect = (x, y, w, h, fill, rx = 0) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}"/>`;
const ellipse = (cx, cy, rx, ry, fill) => `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="${fill}"/>`;
const poly = (points, fill) => `<polygon points="${points}" fill="${fill}"/>`;
const line = (x1, y1, x2, y2, stroke, width) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round"/>`;
const legs = (xs, y, h, fill, w = 14) => xs.map((x) => rect(x, y, w, h, fill, 3)).join('');

/** A cabinet front with `rows` drawers (or doors when `doors`), standing on short legs; floor at y=470. */
function cabinet(c, { x, w, h, rows = 1, cols = 1, legH = 20 }) {
  const y = 470 - legH - h;
  const dark = shade(c, -0.35);
  let parts = rect(x, y, w, h, c, 8) + legs([x + 12, x + w - 26], 470 - legH, legH, dark);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      const cw = (w - 20) / cols;
      const ch = (h - 20) / rows;
      parts += rect(x + 10 + k * cw + 3, y + 10 + r * ch + 3, cw - 6, ch - 6, shade(c, 0.12), 4);
      parts += rect(x + 10 + k * cw + cw / 2 - 14, y + 10 + r * ch + ch / 2 - 3, 28, 6, dark, 3);
    }
  }
  return parts;
}

function sofa(c, seats) {
  const dark = shade(c, -0.3);
  const w = seats * 110 + 60;
  const x = 300 - w / 2;
  let parts = rect(x + 20, 250, w - 40, 120, dark, 24);
  for (let i = 0; i < seats; i++) parts += rect(x + 34 + i * 110, 340, 104, 60, shade(c, 0.1), 14);
  parts += rect(x, 300, 44, 130, c, 20) + rect(x + w - 44, 300, 44, 130, c, 20);
  parts += rect(x + 20, 395, w - 40, 40, c, 10) + legs([x + 30, x + w - 44], 435, 35, shade(c, -0.5));
  return parts;
}

// Each drawing takes the variant's colour and fills a 600x600 box, standing on the floor at y=470.
const DRAW = {
  bed: (c) =>
    rect(120, 200, 360, 170, shade(c, -0.25), 16) +
    rect(100, 330, 400, 70, '#f7f5f0', 14) +
    ellipse(200, 330, 60, 22, '#ffffff') +
    ellipse(400, 330, 60, 22, '#ffffff') +
    rect(100, 360, 400, 60, shade(c, 0.15), 10) +
    rect(100, 400, 400, 45, c, 8) +
    legs([115, 471], 445, 25, shade(c, -0.45)),
  sofa: (c) => sofa(c, 3),
  loveseat: (c) => sofa(c, 2),
  armchair: (c) =>
    rect(200, 200, 200, 190, shade(c, -0.25), 40) +
    rect(220, 340, 160, 60, shade(c, 0.12), 14) +
    rect(170, 300, 50, 130, c, 20) +
    rect(380, 300, 50, 130, c, 20) +
    rect(190, 395, 220, 40, c, 10) +
    legs([200, 386], 435, 35, shade(c, -0.5)),
  chair: (c) =>
    rect(230, 170, 140, 160, c, 14) +
    rect(250, 190, 100, 110, shade(c, 0.15), 8) +
    rect(215, 320, 170, 28, shade(c, -0.2), 8) +
    legs([225, 361], 348, 122, shade(c, -0.4), 14),
  stool: (c) =>
    ellipse(300, 230, 90, 26, c) +
    rect(210, 230, 180, 16, shade(c, -0.2), 6) +
    line(230, 246, 205, 470, shade(c, -0.4), 14) +
    line(370, 246, 395, 470, shade(c, -0.4), 14) +
    line(222, 380, 378, 380, shade(c, -0.4), 8),
  table: (c) => rect(90, 290, 420, 34, c, 8) + rect(110, 324, 380, 18, shade(c, -0.2), 4) + legs([120, 466], 342, 128, shade(c, -0.35), 18),
  'coffee-table': (c) =>
    ellipse(300, 360, 190, 40, shade(c, 0.1)) +
    rect(110, 360, 380, 26, c, 10) +
    legs([170, 300, 416], 386, 84, shade(c, -0.35), 16),
  nightstand: (c) => cabinet(c, { x: 190, w: 220, h: 230, rows: 2 }) + ellipse(300, 226, 40, 10, '#00000010'),
  dresser: (c) => cabinet(c, { x: 120, w: 360, h: 260, rows: 3, cols: 2 }),
  wardrobe: (c) => cabinet(c, { x: 160, w: 280, h: 380, cols: 2 }),
  'tv-stand': (c) => cabinet(c, { x: 90, w: 420, h: 120, cols: 3 }) + rect(170, 150, 260, 170, '#2d2f36', 8) + rect(290, 320, 20, 10, '#2d2f36'),
  cabinet: (c) => cabinet(c, { x: 170, w: 260, h: 320, cols: 2, legH: 0 }) + rect(190, 170, 220, 100, '#dfe9ee', 6),
  vanity: (c) => cabinet(c, { x: 120, w: 360, h: 150, cols: 2, legH: 0 }) + ellipse(300, 320, 120, 18, '#ffffff') + rect(290, 270, 20, 50, '#a9b0b8', 4),
  shelf: (c) => {
    let parts = rect(150, 110, 300, 360, c, 6) + rect(166, 126, 268, 344, shade(c, -0.3), 2);
    for (let i = 0; i < 4; i++) {
      const y = 126 + i * 86;
      parts += rect(166, y + 70, 268, 14, c);
      parts += [0, 1, 2, 3, 4].map((k) => rect(180 + k * 22 + i * 30, y + 18 + (k % 2) * 8, 18, 52 - (k % 2) * 8, ['#d9c7a3', '#9fb49a', '#c8704f', '#2f4466', '#eeeae4'][(k + i) % 5], 2)).join('');
    }
    return parts;
  },
  organizer: (c) =>
    rect(180, 170, 240, 300, c, 10) +
    [0, 1, 2].map((i) => rect(196, 186 + i * 94, 208, 80, shade(c, -0.2), 6) + ellipse(250 + i * 40, 226 + i * 94, 22, 30, '#9fb49a')).join(''),
  'table-lamp': (c) => poly('220,200 380,200 420,330 180,330', c) + rect(290, 330, 20, 110, '#7a6a58') + ellipse(300, 450, 80, 20, '#5c4f42'),
  'floor-lamp': (c) =>
    `<path d="M200 470 L200 160 Q200 90 300 90 L360 90" stroke="${shade(c, -0.2)}" stroke-width="14" fill="none"/>` +
    poly('310,90 430,90 460,190 280,190', c) +
    ellipse(200, 470, 70, 14, shade(c, -0.3)),
  pendant: (c) => line(300, 20, 300, 220, '#444', 6) + `<path d="M180 340 Q300 180 420 340 Z" fill="${c}"/>` + ellipse(300, 345, 60, 16, '#fff6c9'),
  lantern: (c) =>
    rect(230, 200, 140, 220, c, 12) +
    rect(250, 225, 100, 170, '#fff6c9', 8) +
    `<path d="M260 200 Q300 140 340 200" stroke="${c}" stroke-width="10" fill="none"/>` +
    ellipse(300, 450, 90, 16, '#00000020'),
  mirror: (c) => ellipse(300, 270, 130, 190, c) + ellipse(300, 270, 112, 172, '#dfe9ee') + poly('240,170 300,140 240,300', '#ffffff80') + legs([240, 346], 440, 30, shade(c, -0.4)),
  rug: (c) =>
    poly('120,330 480,330 560,470 40,470', c) +
    poly('170,350 430,350 490,450 110,450', shade(c, 0.25)) +
    poly('230,370 370,370 400,430 200,430', shade(c, -0.15)),
  cart: (c) => cabinet(c, { x: 170, w: 260, h: 280, rows: 3, legH: 40 }) + ellipse(190, 460, 16, 16, '#333') + ellipse(410, 460, 16, 16, '#333'),
  flatware: (c) =>
    rect(190, 140, 26, 320, c, 12) +
    [0, 1, 2, 3].map((i) => rect(176 + i * 16, 100, 8, 70, c, 4)).join('') +
    ellipse(300, 150, 38, 60, c) +
    rect(288, 190, 24, 270, c, 12) +
    `<path d="M386 100 Q430 200 410 260 L410 460 L384 460 Z" fill="${c}"/>`,
  rack: (c) => {
    const dark = shade(c, -0.3);
    return legs([200, 386], 110, 360, dark, 14) + [170, 260, 350].map((y) => rect(200, y, 200, 12, c, 6)).join('') + rect(230, 176, 140, 150, '#eeeae4', 6) + rect(230, 290, 140, 12, '#c8704f');
  },
  basket: (c) => {
    let parts = poly('190,230 410,230 380,470 220,470', c) + ellipse(300, 230, 110, 20, shade(c, -0.3));
    for (let y = 270; y < 470; y += 40) parts += line(200 + (y - 230) / 8, y, 400 - (y - 230) / 8, y, shade(c, -0.2), 5);
    return parts;
  },
  lounger: (c) =>
    poly('120,380 480,380 480,410 120,410', c) +
    poly('380,380 470,220 500,232 420,380', shade(c, -0.15)) +
    legs([130, 450], 410, 60, shade(c, -0.4)),
  parasol: (c) => `<path d="M100 220 Q300 60 500 220 Z" fill="${c}"/>` + line(300, 130, 300, 450, '#6b5a48', 10) + rect(240, 440, 120, 30, '#555', 8),
  planter: (c) =>
    [160, 300, 440].map((x, i) => {
      const h = [120, 170, 100][i];
      return (
        ellipse(x, 470 - h - 40, 40, 50, '#6f9a5c') +
        ellipse(x - 25, 470 - h - 20, 28, 36, '#86ad6f') +
        poly(`${x - 50},${470 - h} ${x + 50},${470 - h} ${x + 38},470 ${x - 38},470`, c === '#b98b5e' ? '#c8704f' : c)
      );
    }).join(''),
  bench: (c) =>
    [0, 1, 2].map((i) => rect(110, 230 + i * 34, 380, 22, c, 6)).join('') +
    rect(100, 340, 400, 30, shade(c, 0.1), 6) +
    legs([120, 466], 370, 100, shade(c, -0.35), 16),
};

const SVG = (w, h, body, title) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img"><title>${esc(title)}</title>${body}</svg>`;

const FONT = `font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif"`;
const text = (x, y, size, fill, value, extra = '') =>
  `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" ${FONT} ${extra}>${esc(value)}</text>`;

/** A product's drawing on a floor, placed at (x, y) and scaled (600x600 at scale 1). */
const drawing = (product, color, x = 0, y = 0, scale = 1) =>
  `<g transform="translate(${x} ${y}) scale(${scale})">${ellipse(300, 472, 250, 18, '#00000014')}${DRAW[product.kind](color)}</g>`;

function productImage(product, variant) {
  const hue = categoryById(product.category_id).hue;
  return SVG(600, 600, rect(0, 0, 600, 600, `hsl(${hue} 30% 95%)`) + drawing(product, variant.color, 0, 40), `${product.name} ${variant.name}`.trim());
}

/** The wide (5:3, 1200x720) banner of a category: its name, tagline and three of its products. */
function mainBanner(category) {
  const featured = productsIn(category.id).filter((p) => p.available).slice(0, 3);
  const spots = [
    { x: 470, y: 330, scale: 0.55 },
    { x: 700, y: 250, scale: 0.68 },
    { x: 930, y: 360, scale: 0.5 },
  ];
  const body =
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${category.hue} 45% 90%)"/><stop offset="1" stop-color="hsl(${category.hue} 40% 76%)"/></linearGradient></defs>` +
    rect(0, 0, 1200, 720, 'url(#g)') +
    featured.map((p, i) => drawing(p, p.variants[0].color, spots[i].x, spots[i].y, spots[i].scale)).join('') +
    text(80, 280, 96, `hsl(${category.hue} 45% 22%)`, category.name, 'font-weight="700"') +
    text(84, 350, 40, `hsl(${category.hue} 30% 30%)`, category.tagline) +
    rect(84, 420, 280, 76, `hsl(${category.hue} 45% 25%)`, 38) +
    text(120, 470, 34, '#ffffff', 'Shop now →', 'font-weight="600"');
  return SVG(1200, 720, body, `${category.name}: ${category.tagline}`);
}

/** A narrow (2:3, 480x720) banner for one product: its drawing, name and discount. */
function subBanner(category, product) {
  const off = discountPercent(product);
  const body =
    rect(0, 0, 480, 720, `hsl(${category.hue} 35% 86%)`) +
    drawing(product, product.variants[0].color, -20, 40, 0.87) +
    // Long names get a smaller font so that they fit the 400px of text width (bold: up to 0.7 em a character in the
    // fonts browsers pick, so that the widest names keep the left margin on the right too).
    text(40, 590, Math.min(40, Math.floor(570 / product.name.length)), `hsl(${category.hue} 45% 20%)`, product.name, 'font-weight="700"') +
    text(40, 650, 34, `hsl(${category.hue} 45% 30%)`, off ? `Save ${off}% today` : `New from ${product.brand}`);
  return SVG(480, 720, body, product.name);
}

/** The home page's static banner (5:3), the same for everyone. */
function staticBanner() {
  const sofaProduct = productById('p10');
  const lamp = productById('p17');
  const body =
    rect(0, 0, 1200, 720, '#f3ece2') +
    drawing(lamp, lamp.variants[1].color, 560, 90, 0.9) +
    drawing(sofaProduct, sofaProduct.variants[0].color, 640, 200, 0.95) +
    text(80, 260, 96, '#3b2f25', 'New season', 'font-weight="700"') +
    text(84, 330, 40, '#6b5a48', 'Fresh looks for the living room') +
    rect(84, 400, 300, 76, '#3b2f25', 38) +
    text(120, 450, 34, '#ffffff', 'Discover →', 'font-weight="600"');
  return SVG(1200, 720, body, 'New season: fresh looks for the living room');
}

/** The SVG for an image path under /img/, or undefined when there is no such picture. */
export function imageFor(path) {
  let m = /^\/img\/product\/([\w-]+)\/([\w-]+)\.svg$/.exec(path);
  if (m) {
    const product = productById(m[1]);
    const variant = product && variantOf(product, m[2]);
    return variant && productImage(product, variant);
  }
  if (path === '/img/banner/static.svg') return staticBanner();
  // Banner paths name their category, and for a sub banner its product: /img/banner/B-<category>[-<product>].svg
  m = /^\/img\/banner\/B-([a-z-]+?)(?:-(p\d+))?\.svg$/.exec(path);
  const category = m && categoryById(m[1]);
  if (!category) return undefined;
  if (!m[2]) return mainBanner(category);
  const known = BANNERS[category.id].subs.some((s) => s.photo_url === path);
  return known ? subBanner(category, productById(m[2])) : undefined;
}
