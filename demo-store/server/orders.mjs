// Orders placed at checkout, kept in their own journal so that a confirmation page still opens after a restart.
import { randomBytes } from 'node:crypto';

/** An id nobody can guess from another order's (the confirmation page shows the customer's email). */
const newOrderId = () => `O-${randomBytes(5).toString('hex').toUpperCase()}`;

export async function openOrders(journal) {
  const orders = new Map();
  await journal.replay((order) => orders.set(order.order_id, order));
  return {
    get: (id) => orders.get(id),
    /** Records an order for `cart` (already checked against the catalog) and returns it. */
    place({ cart, userId, email, name, address }) {
      const order = {
        order_id: newOrderId(),
        cart,
        ...(userId ? { user_id: userId } : {}),
        ...(email ? { email } : {}),
        name,
        address,
        timestamp: new Date().toISOString(),
      };
      journal.append(order);
      orders.set(order.order_id, order);
      return order;
    },
  };
}
