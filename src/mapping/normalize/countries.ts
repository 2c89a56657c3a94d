/**
 * ISO 3166-1: all 249 officially assigned countries and territories, one per line as
 * `alpha-2 alpha-3 English short name[; variant; variant…]`. Names are the ISO short names, shortened where the
 * ISO form is formal ("United Kingdom", "United States"); the formal names and everyday names are variants.
 */
export const COUNTRY_TABLE = `
AD AND Andorra
AE ARE United Arab Emirates; UAE; Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda; Antigua
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria; Österreich
AU AUS Australia
AW ABW Aruba
AX ALA Åland Islands; Aland
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina; Bosnia; Bosnia-Herzegovina
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium; Belgique; België; Belgien
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthélemy; St Barthelemy; St Barts
BM BMU Bermuda
BN BRN Brunei Darussalam; Brunei
BO BOL Bolivia; Bolivia (Plurinational State of); Plurinational State of Bolivia
BQ BES Bonaire, Sint Eustatius and Saba; Caribbean Netherlands; Bonaire
BR BRA Brazil; Brasil
BS BHS Bahamas; The Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos (Keeling) Islands; Cocos Islands; Keeling Islands
CD COD Congo, Democratic Republic of the; Democratic Republic of the Congo; DR Congo; DRC; Congo-Kinshasa; Zaire
CF CAF Central African Republic
CG COG Congo; Republic of the Congo; Congo-Brazzaville; Congo Republic
CH CHE Switzerland; Schweiz; Suisse; Svizzera; Confoederatio Helvetica
CI CIV Côte d'Ivoire; Ivory Coast; Cote d Ivoire
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China; People's Republic of China; PRC; Mainland China
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cabo Verde; Cape Verde
CW CUW Curaçao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czechia; Czech Republic
DE DEU Germany; Deutschland; Federal Republic of Germany; Bundesrepublik Deutschland; Allemagne
DJ DJI Djibouti
DK DNK Denmark; Danmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain; España; Espana
ET ETH Ethiopia
FI FIN Finland; Suomi
FJ FJI Fiji
FK FLK Falkland Islands; Falkland Islands (Malvinas); Malvinas
FM FSM Micronesia; Micronesia (Federated States of); Federated States of Micronesia
FO FRO Faroe Islands; Faroes
FR FRA France; French Republic
GA GAB Gabon
GB GBR United Kingdom; United Kingdom of Great Britain and Northern Ireland; UK; U.K.; Great Britain; Britain; England; Scotland; Wales; Northern Ireland
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia; The Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece; Hellas
GS SGS South Georgia and the South Sandwich Islands
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong; Hong Kong SAR
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia; Hrvatska
HT HTI Haiti
HU HUN Hungary; Magyarország
ID IDN Indonesia
IE IRL Ireland; Republic of Ireland; Eire
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran; Iran (Islamic Republic of); Islamic Republic of Iran
IS ISL Iceland
IT ITA Italy; Italia
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis; St Kitts and Nevis
KP PRK North Korea; Korea (Democratic People's Republic of); Democratic People's Republic of Korea; DPRK
KR KOR South Korea; Korea, Republic of; Republic of Korea; Korea
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Laos; Lao People's Democratic Republic
LB LBN Lebanon
LC LCA Saint Lucia; St Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Moldova; Moldova, Republic of; Republic of Moldova
ME MNE Montenegro
MF MAF Saint Martin (French part); Saint Martin; St Martin
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia; Macedonia
ML MLI Mali
MM MMR Myanmar; Burma
MN MNG Mongolia
MO MAC Macao; Macau
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico; México; Estados Unidos Mexicanos
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands; The Netherlands; Netherlands (Kingdom of the); Holland; Nederland
NO NOR Norway; Norge
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand; Aotearoa
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland; Polska
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn; Pitcairn Islands
PR PRI Puerto Rico
PS PSE Palestine; Palestine, State of; State of Palestine
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Réunion
RO ROU Romania
RS SRB Serbia
RU RUS Russia; Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia; KSA
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden; Sverige
SG SGP Singapore
SH SHN Saint Helena, Ascension and Tristan da Cunha; Saint Helena; St Helena
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen
SK SVK Slovakia; Slovak Republic
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe; São Tomé and Príncipe
SV SLV El Salvador
SX SXM Sint Maarten (Dutch part); Sint Maarten
SY SYR Syria; Syrian Arab Republic
SZ SWZ Eswatini; Swaziland
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS Timor-Leste; East Timor
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Türkiye; Turkey
TT TTO Trinidad and Tobago; Trinidad
TV TUV Tuvalu
TW TWN Taiwan; Taiwan, Province of China; Republic of China
TZ TZA Tanzania; Tanzania, United Republic of; United Republic of Tanzania
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States; United States of America; US; U.S.; U.S.A.; America; United States (US)
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Holy See; Vatican; Vatican City
VC VCT Saint Vincent and the Grenadines; St Vincent and the Grenadines
VE VEN Venezuela; Venezuela (Bolivarian Republic of); Bolivarian Republic of Venezuela
VG VGB British Virgin Islands; Virgin Islands (British)
VI VIR U.S. Virgin Islands; Virgin Islands (U.S.); US Virgin Islands
VN VNM Vietnam; Viet Nam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa
ZM ZMB Zambia
ZW ZWE Zimbabwe
`;

/** US states, DC and the territories with ISO 3166-2:US codes; Canadian provinces and territories; Australian states. */
export const SUBDIVISION_TABLE: Readonly<Record<string, string>> = {
  US: `AL Alabama; Ala
AK Alaska
AZ Arizona; Ariz
AR Arkansas; Ark
CA California; Calif; Cal
CO Colorado; Colo
CT Connecticut; Conn
DE Delaware; Del
DC District of Columbia; Washington DC; Washington D.C.
FL Florida; Fla
GA Georgia
HI Hawaii; Hawai'i
ID Idaho
IL Illinois; Ill
IN Indiana; Ind
IA Iowa
KS Kansas; Kan
KY Kentucky
LA Louisiana
ME Maine
MD Maryland
MA Massachusetts; Mass
MI Michigan; Mich
MN Minnesota; Minn
MS Mississippi; Miss
MO Missouri
MT Montana; Mont
NE Nebraska; Neb
NV Nevada; Nev
NH New Hampshire
NJ New Jersey
NM New Mexico
NY New York
NC North Carolina
ND North Dakota
OH Ohio
OK Oklahoma; Okla
OR Oregon; Ore
PA Pennsylvania; Penn; Penna
RI Rhode Island
SC South Carolina
SD South Dakota
TN Tennessee; Tenn
TX Texas; Tex
UT Utah
VT Vermont
VA Virginia
WA Washington; Wash
WV West Virginia
WI Wisconsin; Wis
WY Wyoming; Wyo
AS American Samoa
GU Guam
MP Northern Mariana Islands
PR Puerto Rico
UM United States Minor Outlying Islands
VI Virgin Islands; U.S. Virgin Islands`,
  CA: `AB Alberta; Alta
BC British Columbia; Colombie-Britannique
MB Manitoba
NB New Brunswick; Nouveau-Brunswick
NL Newfoundland and Labrador; Newfoundland; Terre-Neuve-et-Labrador; NF; Nfld
NS Nova Scotia; Nouvelle-Écosse
NT Northwest Territories; Territoires du Nord-Ouest
NU Nunavut
ON Ontario
PE Prince Edward Island; Île-du-Prince-Édouard; PEI
QC Quebec; Québec; PQ; Que
SK Saskatchewan; Sask
YT Yukon; Yukon Territory; YK`,
  AU: `ACT Australian Capital Territory
NSW New South Wales
NT Northern Territory
QLD Queensland
SA South Australia
TAS Tasmania
VIC Victoria
WA Western Australia`,
};
