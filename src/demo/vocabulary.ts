/**
 * Word lists for the demo world: given names with their nicknames, family names of many origins, company name
 * parts, streets and cities. All invented or common words; no real person or company is described.
 *
 * @example
 * FIRST_NAMES.find((n) => n.name === 'Robert')?.nicknames; // ['Bob', 'Rob', 'Bobby']
 */

export type Gender = 'female' | 'male';

export interface GivenName {
  name: string;
  gender: Gender;
  /** Short forms people actually use in CRM records. */
  nicknames: readonly string[];
}

function given(gender: Gender, rows: ReadonlyArray<readonly [string, ...string[]]>): GivenName[] {
  return rows.map(([name, ...nicknames]) => ({ name, gender, nicknames }));
}

/** Given names, weighted by repetition towards the common English ones (which carry the nicknames). */
export const FIRST_NAMES: readonly GivenName[] = [
  ...given('male', [
    ['Robert', 'Bob', 'Rob', 'Bobby'],
    ['William', 'Bill', 'Will', 'Billy'],
    ['James', 'Jim', 'Jimmy', 'Jamie'],
    ['John', 'Jack', 'Johnny'],
    ['Michael', 'Mike', 'Mick'],
    ['Richard', 'Rick', 'Dick', 'Rich'],
    ['Thomas', 'Tom', 'Tommy'],
    ['Charles', 'Charlie', 'Chuck'],
    ['Christopher', 'Chris', 'Kit'],
    ['Daniel', 'Dan', 'Danny'],
    ['Matthew', 'Matt'],
    ['Anthony', 'Tony'],
    ['Joseph', 'Joe', 'Joey'],
    ['Edward', 'Ed', 'Ted', 'Eddie'],
    ['Andrew', 'Andy', 'Drew'],
    ['Jonathan', 'Jon'],
    ['Nicholas', 'Nick'],
    ['Benjamin', 'Ben'],
    ['Alexander', 'Alex', 'Sasha'],
    ['Steven', 'Steve'],
    ['Timothy', 'Tim'],
    ['Gregory', 'Greg'],
    ['Samuel', 'Sam'],
    ['Patrick', 'Pat'],
    ['Kevin'],
    ['Brian'],
    ['José', 'Pepe'],
    ['Jürgen'],
    ['François'],
    ['Søren'],
    ['Björn'],
    ['Łukasz'],
    ['Ángel'],
    ['Wei'],
    ['Hiroshi'],
    ['Arjun'],
    ['Mohammed', 'Mo'],
    ['Oluwaseun', 'Seun'],
    ['Dmitri', 'Dima'],
    ['Giuseppe', 'Beppe'],
    ['Jean-Luc'],
    ['Klaus'],
    ['Lars'],
    ['Mateo'],
    ['Ravi'],
  ]),
  ...given('female', [
    ['Elizabeth', 'Liz', 'Beth', 'Lizzie', 'Betty'],
    ['Katherine', 'Kate', 'Kathy', 'Katie'],
    ['Margaret', 'Maggie', 'Peggy', 'Meg'],
    ['Jennifer', 'Jen', 'Jenny'],
    ['Patricia', 'Pat', 'Patty', 'Trish'],
    ['Susan', 'Sue', 'Suzy'],
    ['Deborah', 'Debbie', 'Deb'],
    ['Rebecca', 'Becky', 'Becca'],
    ['Jessica', 'Jess', 'Jessie'],
    ['Samantha', 'Sam'],
    ['Victoria', 'Vicky', 'Tori'],
    ['Alexandra', 'Alex', 'Sandra'],
    ['Christina', 'Chris', 'Tina'],
    ['Abigail', 'Abby'],
    ['Jacqueline', 'Jackie'],
    ['Kimberly', 'Kim'],
    ['Stephanie', 'Steph'],
    ['Amanda', 'Mandy'],
    ['Sarah'],
    ['Emily', 'Em'],
    ['Olivia', 'Liv'],
    ['Laura'],
    ['Zoë', 'Zoe'],
    ['Chloé'],
    ['Renée'],
    ['Hélène'],
    ['Inés'],
    ['Noémie'],
    ['Maëlle'],
    ['Anneliese', 'Anne'],
    ['Birgit'],
    ['Małgorzata', 'Gosia'],
    ['Mei'],
    ['Yuki'],
    ['Priya'],
    ['Aisha'],
    ['Chiamaka', 'Amaka'],
    ['Ingrid'],
    ['Sofía'],
    ['Francesca', 'Frankie'],
    ['Fatima'],
    ['Siobhán'],
    ['Niamh'],
  ]),
];

/** Family names from many origins, including particles, apostrophes, hyphens and diacritics. */
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Jackson', 'Martin', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
  'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Koch',
  'Nguyen', 'Tran', 'Kim', 'Lee', 'Park', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu',
  'Patel', 'Shah', 'Singh', 'Kumar', 'Gupta', 'Iyer',
  "O'Brien", "O'Connor", "O'Neill", 'MacDonald', 'McAllister', 'McCarthy', 'Fitzgerald',
  'Dubois', 'Lefèvre', 'Bernard', 'Moreau', 'Laurent', 'Girard',
  'Rossi', 'Russo', 'Bianchi', 'Romano', 'Esposito',
  'Kowalski', 'Nowak', 'Wiśniewski', 'Novák', 'Dvořák',
  'Andersson', 'Johansson', 'Nielsen', 'Hansen', 'Søndergaard', 'Björk',
  'Okafor', 'Adeyemi', 'Mensah', 'Okonkwo',
  'Cohen', 'Levi', 'Haddad', 'Khan', 'Ahmed', 'Hassan',
  'Yamamoto', 'Tanaka', 'Sato', 'Suzuki',
  'Silva', 'Santos', 'Oliveira', 'Gonçalves',
  'Ivanov', 'Popescu', 'Petrović',
  'van der Berg', 'de Vries', 'Jansen', 'van Dijk',
  'Smith-Jones', 'Lloyd-Webber', 'García-Márquez',
];

/** Salutations by gender, with the plain "Dr." shared. */
export const SALUTATIONS: Readonly<Record<Gender, readonly string[]>> = {
  male: ['Mr.', 'Mr.', 'Mr.', 'Dr.', 'Prof.'],
  female: ['Ms.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'],
};

/** Titles with their department. */
export const JOB_TITLES: readonly (readonly [title: string, department: string])[] = [
  ['Chief Executive Officer', 'Executive'], ['Chief Financial Officer', 'Finance'], ['VP Sales', 'Sales'],
  ['VP Marketing', 'Marketing'], ['Head of Procurement', 'Procurement'], ['IT Director', 'IT'],
  ['Account Manager', 'Sales'], ['Sales Representative', 'Sales'], ['Marketing Manager', 'Marketing'],
  ['Operations Manager', 'Operations'], ['Software Engineer', 'Engineering'], ['Engineering Manager', 'Engineering'],
  ['Office Manager', 'Administration'], ['Purchasing Agent', 'Procurement'], ['Controller', 'Finance'],
  ['HR Business Partner', 'Human Resources'], ['Customer Success Manager', 'Customer Success'],
  ['Data Analyst', 'IT'], ['Product Manager', 'Product'], ['Legal Counsel', 'Legal'],
];

/** Words that make plausible, invented company names. */
export const COMPANY_WORDS_A: readonly string[] = [
  'Acme', 'Apex', 'Blue Harbor', 'Northwind', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark',
  'Wayne', 'Tyrell', 'Cyberdyne', 'Vandelay', 'Hooli', 'Pied Piper', 'Soylent', 'Wonka', 'Oceanic', 'Massive',
  'Silver Lake', 'Red Rock', 'Granite', 'Evergreen', 'Summit', 'Pioneer', 'Atlas', 'Beacon', 'Cedar', 'Falcon',
  'Horizon', 'Ironwood', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nova', 'Orion', 'Pinnacle', 'Quantum',
  'Riverbend', 'Sterling', 'Trident', 'Union', 'Vertex', 'Westfield', 'Zenith', 'Alpen', 'Rhein', 'Nordlicht',
  'Thames', 'Albion', 'Highland', 'Brightwater', 'Copperfield',
];

/** Second words of company names. */
export const COMPANY_WORDS_B: readonly string[] = [
  'Robotics', 'Logistics', 'Systems', 'Analytics', 'Foods', 'Pharma', 'Energy', 'Software', 'Industries',
  'Manufacturing', 'Consulting', 'Capital', 'Health', 'Labs', 'Networks', 'Motors', 'Textiles', 'Media',
  'Partners', 'Solutions', 'Technologies', 'Engineering', 'Supply', 'Biotech', 'Retail', 'Group', 'Holdings',
];

/** Industry labels (Salesforce picklist style). */
export const INDUSTRIES: readonly string[] = [
  'Technology', 'Manufacturing', 'Healthcare', 'Finance', 'Retail', 'Energy', 'Consulting', 'Media',
  'Transportation', 'Biotechnology', 'Food & Beverage', 'Education',
];

/** Free-mail domains people use, by country. */
export const PERSONAL_EMAIL_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  US: ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me'],
  CA: ['gmail.com', 'outlook.com', 'yahoo.ca', 'hotmail.com', 'icloud.com'],
  GB: ['gmail.com', 'btinternet.com', 'yahoo.co.uk', 'hotmail.co.uk', 'outlook.com', 'icloud.com'],
  DE: ['gmx.de', 'web.de', 'gmail.com', 't-online.de', 'outlook.de'],
  FR: ['orange.fr', 'gmail.com', 'free.fr', 'laposte.net', 'outlook.fr'],
  AU: ['gmail.com', 'bigpond.com', 'outlook.com', 'icloud.com'],
};

export interface CityRow {
  city: string;
  /** State, county or Land as written in full. */
  state: string;
  /** Its abbreviation (US/CA/AU) or the same name where none is used. */
  stateCode: string;
  /** Postal code pattern: # = digit, @ = letter, other characters literal. */
  postal: string;
  /** Area code (national significant digits, without trunk prefix) for landlines. */
  area: string;
}

/** Cities per country with state, postal-code pattern and area code. */
export const CITIES: Readonly<Record<string, readonly CityRow[]>> = {
  US: [
    { city: 'San Francisco', state: 'California', stateCode: 'CA', postal: '941##', area: '415' },
    { city: 'Los Angeles', state: 'California', stateCode: 'CA', postal: '900##', area: '213' },
    { city: 'San Diego', state: 'California', stateCode: 'CA', postal: '921##', area: '619' },
    { city: 'Seattle', state: 'Washington', stateCode: 'WA', postal: '981##', area: '206' },
    { city: 'Portland', state: 'Oregon', stateCode: 'OR', postal: '972##', area: '503' },
    { city: 'Denver', state: 'Colorado', stateCode: 'CO', postal: '802##', area: '303' },
    { city: 'Austin', state: 'Texas', stateCode: 'TX', postal: '787##', area: '512' },
    { city: 'Dallas', state: 'Texas', stateCode: 'TX', postal: '752##', area: '214' },
    { city: 'Houston', state: 'Texas', stateCode: 'TX', postal: '770##', area: '713' },
    { city: 'Chicago', state: 'Illinois', stateCode: 'IL', postal: '606##', area: '312' },
    { city: 'Minneapolis', state: 'Minnesota', stateCode: 'MN', postal: '554##', area: '612' },
    { city: 'New York', state: 'New York', stateCode: 'NY', postal: '100##', area: '212' },
    { city: 'Brooklyn', state: 'New York', stateCode: 'NY', postal: '112##', area: '718' },
    { city: 'Boston', state: 'Massachusetts', stateCode: 'MA', postal: '021##', area: '617' },
    { city: 'Philadelphia', state: 'Pennsylvania', stateCode: 'PA', postal: '191##', area: '215' },
    { city: 'Atlanta', state: 'Georgia', stateCode: 'GA', postal: '303##', area: '404' },
    { city: 'Miami', state: 'Florida', stateCode: 'FL', postal: '331##', area: '305' },
    { city: 'Raleigh', state: 'North Carolina', stateCode: 'NC', postal: '276##', area: '919' },
    { city: 'Nashville', state: 'Tennessee', stateCode: 'TN', postal: '372##', area: '615' },
    { city: 'Phoenix', state: 'Arizona', stateCode: 'AZ', postal: '850##', area: '602' },
    { city: 'Salt Lake City', state: 'Utah', stateCode: 'UT', postal: '841##', area: '801' },
    { city: 'Columbus', state: 'Ohio', stateCode: 'OH', postal: '432##', area: '614' },
    { city: 'Detroit', state: 'Michigan', stateCode: 'MI', postal: '482##', area: '313' },
  ],
  CA: [
    { city: 'Toronto', state: 'Ontario', stateCode: 'ON', postal: 'M#@ #@#', area: '416' },
    { city: 'Vancouver', state: 'British Columbia', stateCode: 'BC', postal: 'V#@ #@#', area: '604' },
    { city: 'Montréal', state: 'Quebec', stateCode: 'QC', postal: 'H#@ #@#', area: '514' },
  ],
  GB: [
    { city: 'London', state: 'Greater London', stateCode: 'Greater London', postal: 'EC#@ #@@', area: '20' },
    { city: 'Manchester', state: 'Greater Manchester', stateCode: 'Greater Manchester', postal: 'M# #@@', area: '161' },
    { city: 'Birmingham', state: 'West Midlands', stateCode: 'West Midlands', postal: 'B# #@@', area: '121' },
    { city: 'Edinburgh', state: 'City of Edinburgh', stateCode: 'City of Edinburgh', postal: 'EH# #@@', area: '131' },
    { city: 'Bristol', state: 'Bristol', stateCode: 'Bristol', postal: 'BS# #@@', area: '117' },
    { city: 'Leeds', state: 'West Yorkshire', stateCode: 'West Yorkshire', postal: 'LS# #@@', area: '113' },
  ],
  DE: [
    { city: 'Berlin', state: 'Berlin', stateCode: 'BE', postal: '10###', area: '30' },
    { city: 'München', state: 'Bayern', stateCode: 'BY', postal: '80###', area: '89' },
    { city: 'Hamburg', state: 'Hamburg', stateCode: 'HH', postal: '20###', area: '40' },
    { city: 'Köln', state: 'Nordrhein-Westfalen', stateCode: 'NW', postal: '50###', area: '221' },
    { city: 'Frankfurt am Main', state: 'Hessen', stateCode: 'HE', postal: '60###', area: '69' },
    { city: 'Stuttgart', state: 'Baden-Württemberg', stateCode: 'BW', postal: '70###', area: '711' },
  ],
  FR: [
    { city: 'Paris', state: 'Île-de-France', stateCode: 'IDF', postal: '750##', area: '1' },
    { city: 'Lyon', state: 'Auvergne-Rhône-Alpes', stateCode: 'ARA', postal: '690##', area: '4' },
  ],
  AU: [
    { city: 'Sydney', state: 'New South Wales', stateCode: 'NSW', postal: '2###', area: '2' },
    { city: 'Melbourne', state: 'Victoria', stateCode: 'VIC', postal: '3###', area: '3' },
  ],
};

/** Street names per country (German ones take -straße, French ones follow 'rue'). */
export const STREET_NAMES: Readonly<Record<string, readonly string[]>> = {
  US: ['Market', 'Main', 'Oak', 'Maple', 'Pine', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Sunset', 'Mission', 'Broadway', 'Lincoln', 'Madison', 'Jefferson', 'River'],
  CA: ['King', 'Queen', 'Yonge', 'Bay', 'Granville', 'Robson', 'Sherbrooke'],
  GB: ['High', 'Station', 'Church', 'Victoria', 'Baker', 'Mill', 'Park', 'Queen', 'Green', 'Manor'],
  DE: ['Haupt', 'Bahnhof', 'Schiller', 'Goethe', 'Garten', 'Linden', 'Berliner', 'Kirch', 'Wald', 'Ring'],
  FR: ['de Rivoli', 'Victor Hugo', 'de la Paix', 'Saint-Honoré', 'du Faubourg', 'Lafayette'],
  AU: ['George', 'Pitt', 'Collins', 'Flinders', 'Elizabeth', 'Bourke'],
};

/** English street types: the long form and the abbreviations seen in real records. */
export const STREET_TYPES: ReadonlyArray<readonly [long: string, ...short: string[]]> = [
  ['Street', 'St.', 'St'],
  ['Avenue', 'Ave', 'Ave.', 'Av.'],
  ['Road', 'Rd', 'Rd.'],
  ['Boulevard', 'Blvd', 'Blvd.'],
  ['Drive', 'Dr', 'Dr.'],
  ['Lane', 'Ln', 'Ln.'],
  ['Place', 'Pl', 'Pl.'],
  ['Court', 'Ct', 'Ct.'],
];

/** Country spellings seen in CRM address fields, canonical first. */
export const COUNTRY_NAMES: Readonly<Record<string, readonly [canonical: string, ...variants: string[]]>> = {
  US: ['United States', 'USA', 'US', 'United States of America', 'U.S.A.'],
  CA: ['Canada', 'CA', 'CAN'],
  GB: ['United Kingdom', 'UK', 'GB', 'Great Britain', 'England'],
  DE: ['Germany', 'Deutschland', 'DE', 'GER'],
  FR: ['France', 'FR', 'FRA'],
  AU: ['Australia', 'AU', 'AUS'],
};

/** Typical company legal-form suffixes per country: the canonical form first, then spellings seen in CRMs. */
export const LEGAL_FORMS: Readonly<Record<string, ReadonlyArray<readonly [canonical: string, ...variants: string[]]>>> = {
  US: [['Inc.', 'Inc', 'Incorporated', ', Inc.'], ['LLC', 'L.L.C.', 'Llc'], ['Corp.', 'Corporation', 'Corp'], ['Co.', 'Company']],
  CA: [['Inc.', 'Inc', 'Incorporated'], ['Ltd.', 'Limited', 'Ltd']],
  GB: [['Ltd', 'Limited', 'Ltd.', 'LTD'], ['PLC', 'plc', 'Public Limited Company']],
  DE: [['GmbH', 'G.m.b.H.', 'Gmbh'], ['AG', 'Aktiengesellschaft']],
  FR: [['SAS', 'S.A.S.'], ['SA', 'S.A.']],
  AU: [['Pty Ltd', 'Pty. Ltd.', 'Proprietary Limited']],
};

/** Top-level domain for company websites per country. */
export const COMPANY_TLD: Readonly<Record<string, string>> = {
  US: 'com', CA: 'ca', GB: 'co.uk', DE: 'de', FR: 'fr', AU: 'com.au',
};
