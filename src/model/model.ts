/**
 * The model: every entity of the table, looked up by name. CIM entities first (by subject area), then Concord's
 * extension entities.
 *
 * @example
 * getEntity('Individual')?.properties.find((p) => p.name === 'personName')?.strict // true
 */
import type { EntityDataOf, EntityDef, Profile } from './define.js';
import { accountEntities } from './entities/account.js';
import { concordEntities } from './entities/concord.js';
import { partyEntities } from './entities/party.js';
import { paymentMethodEntities } from './entities/payment-method.js';
import { paymentEntities } from './entities/payment.js';
import { productEntities } from './entities/product.js';
import { salesOrderEntities } from './entities/sales-order.js';
import { shipmentEntities } from './entities/shipment.js';

export const ENTITY_TABLE = [
  ...partyEntities,
  ...accountEntities,
  ...productEntities,
  ...salesOrderEntities,
  ...paymentEntities,
  ...paymentMethodEntities,
  ...shipmentEntities,
  ...concordEntities,
] as const;

type Table = (typeof ENTITY_TABLE)[number];
/** Names of every entity in the model. */
export type EntityName = Table['name'];
/** The `data` of a record of entity `N` under a profile (practical by default). */
export type EntityData<N extends EntityName, P extends Profile = 'practical'> = EntityDataOf<Extract<Table, { name: N }>, P>;

const byName: ReadonlyMap<string, EntityDef> = (() => {
  const map = new Map<string, EntityDef>();
  for (const def of ENTITY_TABLE) {
    if (map.has(def.name)) throw new Error(`entity ${def.name} is defined twice`);
    map.set(def.name, def);
  }
  return map;
})();

/** Every entity definition, in table order. */
export const ENTITIES: readonly EntityDef[] = ENTITY_TABLE;

/**
 * The definition of an entity, or undefined when the model has none by that name.
 *
 * @example
 * getEntity('ServiceCase')?.namespace // 'concord'
 */
export function getEntity(name: string): EntityDef | undefined {
  return byName.get(name);
}

/** Entity names, in table order. */
export function entityNames(): string[] {
  return ENTITIES.map((e) => e.name);
}
