/**
 * CIM 1.0 entities of the Shipment subject area, property by property as the source shapes name them (see
 * docs/cim-deviations.md for how types differ from the shapes and why). Spec strings: `type`, `type!` (required in
 * the strict profile), `->Target` (reference, an id string), `->A|B` (polymorphic reference, a tagged
 * `{ type, id }`), `[]Target` (inverse collection: listed, optional, not stored).
 *
 * @example
 * shipmentEntities.find((e) => e.name === 'Shipment')?.properties.length
 */
import { entity, systemFields } from '../define.js';

export const shipmentEntities = [
  entity('Shipment', { area: 'Shipment' }, {
    ...systemFields,
    actualDeliveryDateTime: 'datetime',
    carrierId: '->BusinessAccount',
    carrierTrackingNumber: 'string',
    estimatedDeliveryDateTime: 'datetime',
    giftMessageText: 'string',
    isGift: 'boolean',
    salesOrderDeliveryGroupId: '->SalesOrderDeliveryGroup',
    salesOrderId: '->SalesOrder',
    scheduledDeliveryDateTime: 'datetime',
    shipmentDate: 'date!',
    shipmentNumber: 'string',
    shipmentStatusId: '->ShipmentStatus',
    shippingMethodId: '->ShippingMethod',
    shipToAddressId: '->ContactPointAddress',
    specialInstructionsText: 'string',
    ShipmentDocuments: '[]ShipmentDocument',
    ShipmentPackages: '[]ShipmentPackage',
    ShipmentProducts: '[]ShipmentProduct',
  }),
  entity('ShipmentStatus', { area: 'Shipment', practical: ['name'] }, {
    ...systemFields,
    description: 'string!',
    name: 'string!',
  }),
  entity('ShippingMethod', { area: 'Shipment', practical: ['name'] }, {
    ...systemFields,
    description: 'string!',
    name: 'string!',
    productId: '->Product!',
  }),
] as const;
