// One placeholder's content, from its spec and the page's recommendations.
import { h } from 'preact';
import type { RecommendationsResponse } from '../src/types.js';
import { banner, bannerRow, banners, type BannerModel, type SectionModel } from './model.js';
import type { WidgetSpec } from './placeholders.js';
import { BannerBox, Section, type View } from './components.js';

interface Props {
  spec: WidgetSpec;
  response: RecommendationsResponse | null | undefined;
  /** A products placeholder's sections, already settled for the whole page (settings, one product once). */
  sections: SectionModel[];
  view: View;
}

export function Widget({ spec, response, sections, view }: Props) {
  switch (spec.kind) {
    case 'banners': {
      // The store's own static banner: the same for everyone, so its clicks are not recorded.
      const still = banner('static', spec.staticImage, spec.staticLink);
      const row = bannerRow(banners(response?.main_banners), banners(response?.sub_banners), still);
      // The sub banners either side of the wide box.
      const narrow = (side: BannerModel | undefined) => side && <BannerBox banner={side} wide={false} eager={view.eager} />;
      return row ? (
        // One row whatever comes: the box held before the answer (static banner's row) is the box it keeps.
        <div class="dc-banners dc-banners__row">
          {narrow(row.left)}
          {row.wide && <BannerBox banner={row.wide} wide eager={view.eager} record={row.wide !== still} />}
          {narrow(row.right)}
        </div>
      ) : null;
    }
    case 'slot': {
      const slot = banners(response?.[spec.which === 'main' ? 'main_banners' : 'sub_banners'])[spec.index - 1];
      return slot ? <BannerBox banner={slot} wide={spec.which === 'main'} eager={view.eager} slot /> : null;
    }
    case 'products':
      return sections.map((s, i) => (
        <Section key={s.key} section={s} title={s.category ? `${s.title || view.texts.categories} ${s.category}` : s.title || view.texts[s.name]} view={view} eager={view.eager && !i} />
      ));
    default:
      return null;
  }
}
