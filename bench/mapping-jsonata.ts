/**
 * The Salesforce Contact mapping written as one JSONata expression, with Concord's normalizers (and the same id
 * function) registered as JSONata functions, so the comparison measures the mapping machinery, not different
 * work. `bench/mapping.ts` checks that both produce the same records.
 */
import jsonata from 'jsonata';
import { salesforceId18 } from '../src/core/ids.js';
import { createIdFunction } from '../src/mapping/fast-id.js';
import { composePersonName, createPhoneNormalizer, normalizeCountry, normalizeEmail, parseDate, parseDateTime, splitStreet } from '../src/mapping/normalize/index.js';

const EXPRESSION = `(
  $id := $sfid(Id);
  $pid := $cid($sys, 'Contact', $id);
  $created := $dt(CreatedDate);
  $mod := $dt(LastModifiedDate);
  $stamp := $dt(SystemModstamp);
  $active := $substring($created, 0, 10);
  $base := function($rid, $xid) { {'id': $rid, 'externalSourceId': $src, 'externalRecordId': $xid, 'createdDate': $created, 'lastModifiedDate': $mod, 'systemModstamp': $stamp} };
  $slotId := function($slot) { $cid($sys, 'Contact', $id, $slot) };
  $region := $country(MailingCountry);
  $acc := AccountId ? $cid($sys, 'Account', $sfid(AccountId), 'Account');
  $cp := function($slot, $type, $business, $extra) { {'entity': 'ContactPoint', 'data': $merge([$base($slotId($slot), $id & '/' & $slot), {'contactPointTypeId': {'type': $type, 'id': $slotId($slot)}}, $extra, {'partyId': $pid, 'forBusinessUse': $business, 'forPersonalUse': $not($business), 'activeFromDate': $active}])} };
  $phoneRec := function($slot, $raw, $ptype, $business) { $raw ? (
    $p := $phone($raw, $region);
    [$cp($slot, 'ContactPointPhone', $business, {}),
     {'entity': 'ContactPointPhone', 'data': $merge([$base($slotId($slot), $id & '/' & $slot), {'telephoneNumber': $raw,
       'formattedInternationalPhoneNumber': $p.international, 'formattedNationalPhoneNumber': $p.national, 'formattedE164PhoneNumber': $p.e164,
       'phoneCountryCode': $p.countryCode, 'areaCode': $p.areaCode, 'extensionNumber': $p.extension, 'isFaxCapable': $ptype = 'Fax',
       'isSMSCapable': $ptype = 'Mobile' or $p.type = 'MOBILE', 'primaryPhoneTypeId': $cid($sys, '#ref', 'PrimaryPhoneType', $ptype)}])}]
  ) : [] };
  $addrRec := function($slot, $street, $city, $state, $postal, $countryName) { ($street or $city or $state or $postal or $countryName) ? (
    $lines := $street ? $streetLines($street) : [];
    [$cp($slot, 'ContactPointAddress', true, {}),
     {'entity': 'ContactPointAddress', 'data': $merge([$base($slotId($slot), $id & '/' & $slot), {'addressLine1': $lines[0], 'addressLine2': $lines[1],
       'addressLine3': $lines[2], 'addressLine4': $lines[3], 'cityName': $city, 'stateProvinceName': $state, 'postalCodeText': $postal, 'countryName': $countryName}])}]
  ) : [] };
  $consent := function($slot, $flag, $channel, $field, $cpSlot, $cpExists) { $exists($flag) ? [{'entity': 'ContactPointConsent', 'data': $merge([$base($slotId($slot), $id & '/' & $slot),
    {'channel': $channel, 'purpose': 'all', 'status': $flag ? 'optOut' : 'optIn', 'captureSource': $field, 'capturedDateTime': $stamp, 'individualId': $pid,
     'contactPointId': $cpExists ? $slotId($cpSlot)}])}] : [] };
  $e := Email ? $email(Email);
  $mailing := MailingStreet or MailingCity or MailingState or MailingPostalCode or MailingCountry;
  $other := OtherStreet or OtherCity or OtherState or OtherPostalCode or OtherCountry;
  $bd := Birthdate ? $d(Birthdate);
  $append($append($append([
    {'entity': 'Party', 'data': $merge([$base($pid, $id), {'partyTypeId': {'type': 'Individual', 'id': $pid}}])},
    {'entity': 'Individual', 'data': $merge([$base($pid, $id), {'partyId': $pid, 'partyTypeId': {'type': 'Individual', 'id': $pid}, 'primaryAccountId': $acc,
      'salutation': Salutation, 'firstName': FirstName, 'middleName': MiddleName, 'lastName': LastName, 'nameSuffix': Suffix,
      'personName': Name ? Name : $personName(Salutation, FirstName, MiddleName, LastName, Suffix),
      'birthDate': $bd, 'birthDateDay': $bd ? $number($substring($bd, 8, 2)), 'birthDateMonth': $bd ? $number($substring($bd, 5, 2)), 'birthDateYear': $bd ? $number($substring($bd, 0, 4)),
      'concord:ownerId': OwnerId ? $sfid(OwnerId)}])}
    ], AccountId ? [{'entity': 'AccountContact', 'data': $merge([$base($slotId('AccountContact'), $id), {'accountId': $acc, 'title': Title, 'departmentName': Department,
      'assistantName': AssistantName, 'assistantPhone': AssistantPhone, 'contactNote': Description, 'individualId': $pid, 'contactEmailId': $e ? $slotId('Email'),
      'businessPhoneId': Phone ? $slotId('Phone'), 'mobilePhoneId': MobilePhone ? $slotId('MobilePhone'), 'homePhoneId': HomePhone ? $slotId('HomePhone'),
      'faxPhoneId': Fax ? $slotId('Fax'), 'mailingAddressId': $mailing ? $slotId('MailingAddress'), 'otherContactAddressId': $other ? $slotId('OtherAddress')}])}] : []),
    LeadSource ? [{'entity': 'Customer', 'data': $merge([$base($slotId('Customer'), $id), {'originatingCustomerSource': LeadSource, 'partyId': $pid}])}] : []),
    $append($append($append($append($append($append($append($append($append(
      $e ? [$cp('Email', 'ContactPointEmail', true, {'isUndeliverable': IsEmailBounced, 'primaryFlag': true}),
        {'entity': 'ContactPointEmail', 'data': $merge([$base($slotId('Email'), $id & '/Email'), {'emailAddress': $trim(Email), 'emailMailBox': $e.mailbox, 'emailDomain': $e.domain,
          'emailLatestBounceReasonText': null, 'emailLatestBounceDateTime': null}])}] : [],
      $phoneRec('Phone', Phone, 'Business', true)), $phoneRec('MobilePhone', MobilePhone, 'Mobile', false)), $phoneRec('HomePhone', HomePhone, 'Home', false)),
      $phoneRec('OtherPhone', OtherPhone, 'Other', false)), $phoneRec('Fax', Fax, 'Fax', true)),
      $addrRec('MailingAddress', MailingStreet, MailingCity, MailingState, MailingPostalCode, MailingCountry)),
      $addrRec('OtherAddress', OtherStreet, OtherCity, OtherState, OtherPostalCode, OtherCountry)),
      $append($consent('EmailConsent', HasOptedOutOfEmail, 'email', 'HasOptedOutOfEmail', 'Email', $e), $consent('PhoneConsent', DoNotCall, 'phone', 'DoNotCall', 'Phone', Phone))),
      $consent('FaxConsent', HasOptedOutOfFax, 'fax', 'HasOptedOutOfFax', 'Fax', Fax))
  )
)`;

/** A compiled JSONata Contact mapping: `(row) => Promise<records>`. */
export function createJsonataContactMapping(options: { defaultRegion: string; externalSourceId: string; system: string }): (row: Record<string, unknown>) => Promise<unknown> {
  const expression = jsonata(EXPRESSION);
  const id = createIdFunction();
  const phone = createPhoneNormalizer({ defaultRegion: options.defaultRegion });
  const countries = new Map<string, string | undefined>();
  expression.registerFunction('cid', (...parts: string[]) => id(...parts));
  expression.registerFunction('sfid', (v: string) => salesforceId18(String(v).trim()));
  expression.registerFunction('dt', (v: string | undefined) => (v === undefined ? undefined : parseDateTime(v)));
  expression.registerFunction('d', (v: string) => parseDate(v));
  expression.registerFunction('email', (v: string) => normalizeEmail(String(v)));
  expression.registerFunction('phone', (raw: string, region: string | undefined) => phone(String(raw), region));
  expression.registerFunction('streetLines', (v: string) => splitStreet(v));
  expression.registerFunction('personName', (salutation?: string, firstName?: string, middleName?: string, lastName?: string, suffix?: string) =>
    composePersonName({ salutation, firstName, middleName, lastName, suffix }),
  );
  expression.registerFunction('country', (v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!countries.has(v)) countries.set(v, normalizeCountry(v)?.code);
    return countries.get(v);
  });
  const bindings = { sys: options.system, src: options.externalSourceId };
  return (row) => expression.evaluate(row, bindings);
}
