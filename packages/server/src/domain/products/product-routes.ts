import { simpleEntityRoutes } from '../shared/simple-entity-routes';
import { productService } from './product-service';

/** Registers the product routes. */
export const registerProductRoutes = simpleEntityRoutes(productService);
