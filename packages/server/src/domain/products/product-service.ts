import { products } from '../../db/schema/products';
import { type SimpleEntityView, simpleEntityService } from '../shared/simple-entity-service';

/** A product as the API shows it: the *what* and *why*, with its vision. */
export type ProductView = SimpleEntityView<'vision'>;

/** The rules of products: a product's own text is its vision. */
export const productService = simpleEntityService({
  kind: 'product',
  table: products,
  idPrefix: 'prd',
  field: 'vision',
});
