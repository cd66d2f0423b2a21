import type { ClientTool } from '@rill/react';

/** The arguments both demo tools take, as in the seed recording `openai-function-call.sse`. */
export interface OrderArguments {
  order_id: string;
}

interface Order {
  deliveryDate: string;
  status: 'processing' | 'shipped' | 'out for delivery';
  carrier: string;
}

// A tiny, fixed order book, so every run shows the same results.
const orders: ReadonlyMap<string, Order> = new Map([
  ['8362', { deliveryDate: '2025-06-01', status: 'shipped', carrier: 'Parcelwise' }],
  ['123456', { deliveryDate: '2025-06-01', status: 'out for delivery', carrier: 'Parcelwise' }],
  ['5150', { deliveryDate: '2025-06-04', status: 'processing', carrier: 'Swift Post' }],
]);

const orderParameters = {
  type: 'object',
  properties: { order_id: { type: 'string', description: 'The customer order ID.' } },
  required: ['order_id'],
  additionalProperties: false,
};

function findOrder(orderId: unknown): Order {
  const order = typeof orderId === 'string' ? orders.get(orderId.trim()) : undefined;
  // A throw is the tool's error: the card shows it and the model receives {"error": "…"}.
  if (order === undefined) throw new Error(`There is no order ${String(orderId)}.`);
  return order;
}

/**
 * `get_delivery_date(order_id)`: the order's delivery date (`2025-06-01`), from a fixed order
 * book. A plain string, as in the seed recording, so the mock's follow-up reads "The delivery
 * date is 2025-06-01."
 */
export const getDeliveryDate: ClientTool<OrderArguments> = {
  name: 'get_delivery_date',
  description: 'Get the delivery date for a customer order.',
  parameters: orderParameters,
  strict: true,
  execute: ({ order_id }) => findOrder(order_id).deliveryDate,
};

/** `get_order_status(order_id)`: where the order is and who carries it. */
export const getOrderStatus: ClientTool<OrderArguments> = {
  name: 'get_order_status',
  description: 'Get the shipping status and the carrier of a customer order.',
  parameters: orderParameters,
  strict: true,
  execute: ({ order_id }) => {
    const { status, carrier } = findOrder(order_id);
    return { order_id, status, carrier };
  },
};

/** The client tools the demo chat offers the model. */
export const demoTools: readonly ClientTool[] = [
  getDeliveryDate as ClientTool,
  getOrderStatus as ClientTool,
];
