// Algolia Recommend's widgets and its API client, bundled into one script as a store page would load them.
import { relatedProducts } from '@algolia/recommend-js';
import recommend from '@algolia/recommend';
window.algoliaRecommend = { relatedProducts, recommend };
