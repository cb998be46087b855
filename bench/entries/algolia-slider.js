// Algolia Recommend's widgets with its horizontal slider view (Algolia's carousel) and its API client, bundled into one
// script as a store page that shows recommendations in a carousel would load them.
import { relatedProducts } from '@algolia/recommend-js';
import { horizontalSlider } from '@algolia/ui-components-horizontal-slider-js';
import recommend from '@algolia/recommend';
window.algoliaRecommend = { relatedProducts, recommend, horizontalSlider };
