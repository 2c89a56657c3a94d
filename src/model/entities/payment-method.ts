/**
 * CIM 1.0 entities of the Payment Method subject area, property by property as the source shapes name them (see
 * docs/cim-deviations.md for how types differ from the shapes and why). Spec strings: `type`, `type!` (required in
 * the strict profile), `->Target` (reference, an id string), `->A|B` (polymorphic reference, a tagged
 * `{ type, id }`), `[]Target` (inverse collection: listed, optional, not stored).
 *
 * @example
 * paymentMethodEntities.find((e) => e.name === 'AlternatePayment')?.properties.length
 */
import { entity, systemFields } from '../define.js';

export const paymentMethodEntities = [
  entity('AlternatePayment', { area: 'Payment Method', extends: 'PaymentMethod', practical: ['name'] }, {
    id: 'id!',
    createdDate: 'datetime!',
    lastModifiedDate: 'datetime!',
    systemModstamp: 'datetime!',
    externalSourceId: 'string!',
    externalRecordId: 'string!',
    implementorType: 'string',
    authorizationProcessingModeId: '->AuthorizationProcessingMode',
    emailAddress: 'string!',
    name: 'string!',
    paymentGatewayTokenText: 'string!',
  }),
  entity('BankTransferTender', { area: 'Payment Method', extends: 'PaymentMethod', practical: ['name'] }, {
    ...systemFields,
    name: 'string!',
  }),
  entity('CashTender', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
  }),
  entity('CheckTender', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
  }),
  entity('Coupon', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
    couponCode: 'string',
    couponDefinitionId: '->CouponDefinition',
    couponStatusId: '->CouponStatus',
    customerId: '->Party',
    discountAmount: 'decimal',
    discountPercentage: 'decimal',
    isReturnCoupon: 'boolean',
    isValid: 'boolean',
    primaryScanCodeLabel: 'string',
    returnCouponReason: 'string',
    scanCode: 'string',
    secondaryScanCodeLabel: 'string',
  }),
  entity('CreditTender', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
    accountId: '->Account',
  }),
  entity('DigitalWallet', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
  }),
  entity('PaymentCard', { area: 'Payment Method', extends: 'PaymentMethod', practical: ['cardHolderName', 'name'] }, {
    ...systemFields,
    billToCity: 'string',
    billToFirstName: 'string',
    billToLastName: 'string',
    billToStreet: 'string',
    billToStreet2: 'string',
    cardHolderName: 'string!',
    cardToken: 'string!',
    companyName: 'string',
    creditCardExpired: 'boolean!',
    derivedCardTypeCode: 'string',
    expirationMonth: 'string!',
    expirationYear: 'string!',
    issueNumber: 'string!',
    maskedNumber: 'string!',
    name: 'string!',
    numberLastDigits: 'string!',
    paymentCardTypeId: '->PaymentCardType!',
  }),
  entity('PaymentMethod', { area: 'Payment Method', practical: ['paymentMethodType'] }, {
    ...systemFields,
    accountID: '->Account!',
    partyId: '->Party',
    paymentMethodStatus: '->PaymentMethodStatus!',
    paymentMethodType: '->AlternatePayment|BankTransferTender|CashTender|CheckTender|Coupon|CreditTender|DigitalWallet|PaymentCard|PrepaidCard|TradeInTender|Voucher!',
  }),
  entity('PaymentMethodStatus', { area: 'Payment Method' }, {
    ...systemFields,
    paymentMethodStatusName: 'string',
  }),
  entity('PrepaidCard', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
  }),
  entity('TradeInTender', { area: 'Payment Method', extends: 'PaymentMethod' }, {
    ...systemFields,
  }),
  entity('Voucher', { area: 'Payment Method', extends: 'PaymentMethod', practical: ['name'] }, {
    id: 'id!',
    createdDate: 'datetime!',
    lastModifiedDate: 'datetime!',
    systemModstamp: 'datetime!',
    externalSourceId: 'string!',
    externalRecordId: 'string!',
    implementorType: 'string',
    discountPercent: 'percentage',
    effectiveDate: 'datetime',
    expirationDate: 'datetime',
    faceValueAmount: 'amount',
    name: 'string!',
    notesText: 'string',
    usedDate: 'datetime',
    voucherCodeText: 'string',
    voucherDefinitionId: '->VoucherDefinition!',
    voucherStatusId: '->VoucherStatus!',
    voucherTypeId: '->VoucherType!',
  }),
] as const;
