"""Hand-written country names and demonyms, merged by derive.py with what the packages carry.

One line per ISO 3166-1 entry of i18n-iso-countries (derive.py fails if one is missing or extra):

    ISO2 | name | official name | other names | abbreviations | demonyms

Lists inside a field are separated by ';'. `name` is the common English short name used in news
("Syria", "Turkey"); the Natural Earth name is taken from countries-10m.json, not from here.
`other names` are matched case-insensitively; `abbreviations` are all-caps or dotted forms a
matcher should take case-sensitively (US, UK, UAE, DRC). `demonyms` lists the adjective first,
then noun forms where they differ ("Danish;Dane"); regular plurals (+s) are not listed.
Names that are ambiguous on purpose are kept and flagged in NOTES (e.g. "Congo", "Dominican",
"Georgia", "Macedonian"). Reviewed by hand; edit here and re-run derive.sh.
"""

TABLE = r"""
AD|Andorra|Principality of Andorra|||Andorran
AE|United Arab Emirates|United Arab Emirates|Emirates|UAE;U.A.E.|Emirati
AF|Afghanistan|Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan||Afghan
AG|Antigua and Barbuda|Antigua and Barbuda|Antigua||Antiguan;Barbudan
AI|Anguilla|Anguilla|||Anguillan
AL|Albania|Republic of Albania|||Albanian
AM|Armenia|Republic of Armenia|||Armenian
AO|Angola|Republic of Angola|||Angolan
AQ|Antarctica|Antarctica|||Antarctic
AR|Argentina|Argentine Republic|||Argentine;Argentinian
AS|American Samoa|American Samoa|||American Samoan
AT|Austria|Republic of Austria|||Austrian
AU|Australia|Commonwealth of Australia|||Australian
AW|Aruba|Aruba|||Aruban
AX|Åland Islands|Åland|Aland;Åland;Aland Islands||Ålandic;Ålander
AZ|Azerbaijan|Republic of Azerbaijan|||Azerbaijani;Azeri
BA|Bosnia and Herzegovina|Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina;Bosnia & Herzegovina|BiH|Bosnian;Herzegovinian
BB|Barbados|Barbados|||Barbadian;Bajan
BD|Bangladesh|People's Republic of Bangladesh|||Bangladeshi
BE|Belgium|Kingdom of Belgium|||Belgian
BF|Burkina Faso|Burkina Faso|Burkina;Upper Volta||Burkinabe;Burkinabè
BG|Bulgaria|Republic of Bulgaria|||Bulgarian
BH|Bahrain|Kingdom of Bahrain|||Bahraini
BI|Burundi|Republic of Burundi|||Burundian
BJ|Benin|Republic of Benin|Dahomey||Beninese
BL|Saint Barthélemy|Collectivity of Saint Barthélemy|Saint Barthelemy;St. Barthélemy;St Barts;St. Barts;Saint Barth||
BM|Bermuda|Bermuda|||Bermudian;Bermudan
BN|Brunei|Brunei Darussalam|Nation of Brunei||Bruneian
BO|Bolivia|Plurinational State of Bolivia|||Bolivian
BQ|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba|Bonaire;Sint Eustatius;BES islands||
BR|Brazil|Federative Republic of Brazil|||Brazilian
BS|Bahamas|Commonwealth of The Bahamas|The Bahamas||Bahamian
BT|Bhutan|Kingdom of Bhutan|||Bhutanese
BV|Bouvet Island|Bouvet Island|||
BW|Botswana|Republic of Botswana|||Motswana;Batswana;Botswanan
BY|Belarus|Republic of Belarus|Byelorussia;Belorussia||Belarusian;Belarusan;Byelorussian
BZ|Belize|Belize|British Honduras||Belizean
CA|Canada|Canada|||Canadian
CC|Cocos (Keeling) Islands|Territory of Cocos (Keeling) Islands|Cocos Islands;Keeling Islands||Cocos Islander
CD|Democratic Republic of the Congo|Democratic Republic of the Congo|DR Congo;D.R. Congo;Congo-Kinshasa;Zaire;Congo|DRC;RDC|Congolese
CF|Central African Republic|Central African Republic|Centrafrique||Central African
CG|Republic of the Congo|Republic of the Congo|Congo-Brazzaville;Congo Republic;Congo||Congolese
CH|Switzerland|Swiss Confederation|||Swiss
CI|Côte d'Ivoire|Republic of Côte d'Ivoire|Ivory Coast;Cote d'Ivoire||Ivorian
CK|Cook Islands|Cook Islands|||Cook Islander
CL|Chile|Republic of Chile|||Chilean
CM|Cameroon|Republic of Cameroon|||Cameroonian
CN|China|People's Republic of China|Mainland China|PRC|Chinese
CO|Colombia|Republic of Colombia|||Colombian
CR|Costa Rica|Republic of Costa Rica|||Costa Rican
CU|Cuba|Republic of Cuba|||Cuban
CV|Cabo Verde|Republic of Cabo Verde|Cape Verde||Cabo Verdean;Cape Verdean
CW|Curaçao|Country of Curaçao|Curacao||Curaçaoan;Curacaoan
CX|Christmas Island|Territory of Christmas Island|||Christmas Islander
CY|Cyprus|Republic of Cyprus|||Cypriot
CZ|Czechia|Czech Republic|Czech Republic;Czechia||Czech
DE|Germany|Federal Republic of Germany|||German
DJ|Djibouti|Republic of Djibouti|||Djiboutian
DK|Denmark|Kingdom of Denmark|||Danish;Dane
DM|Dominica|Commonwealth of Dominica|||Dominican
DO|Dominican Republic|Dominican Republic|||Dominican
DZ|Algeria|People's Democratic Republic of Algeria|||Algerian
EC|Ecuador|Republic of Ecuador|||Ecuadorian;Ecuadorean
EE|Estonia|Republic of Estonia|||Estonian
EG|Egypt|Arab Republic of Egypt|||Egyptian
EH|Western Sahara|Western Sahara|Sahrawi Arab Democratic Republic|SADR|Sahrawi;Saharawi;Sahrawian
ER|Eritrea|State of Eritrea|||Eritrean
ES|Spain|Kingdom of Spain|||Spanish;Spaniard
ET|Ethiopia|Federal Democratic Republic of Ethiopia|||Ethiopian
FI|Finland|Republic of Finland|||Finnish;Finn
FJ|Fiji|Republic of Fiji|||Fijian
FK|Falkland Islands|Falkland Islands|Falklands;Malvinas;Islas Malvinas||Falkland Islander
FM|Micronesia|Federated States of Micronesia||FSM|Micronesian
FO|Faroe Islands|Faroe Islands|Faroes;Faeroe Islands;Faeroes||Faroese
FR|France|French Republic|||French;Frenchman;Frenchwoman
GA|Gabon|Gabonese Republic|||Gabonese
GB|United Kingdom|United Kingdom of Great Britain and Northern Ireland|Britain;Great Britain|UK;U.K.|British;Briton
GD|Grenada|Grenada|||Grenadian
GE|Georgia|Georgia|Sakartvelo||Georgian
GF|French Guiana|French Guiana|Guyane||French Guianese
GG|Guernsey|Bailiwick of Guernsey|||Guernseyman;Guernseywoman
GH|Ghana|Republic of Ghana|Gold Coast||Ghanaian
GI|Gibraltar|Gibraltar|||Gibraltarian
GL|Greenland|Greenland|Kalaallit Nunaat||Greenlandic;Greenlander
GM|Gambia|Republic of The Gambia|The Gambia||Gambian
GN|Guinea|Republic of Guinea|Guinea-Conakry||Guinean
GP|Guadeloupe|Guadeloupe|||Guadeloupean
GQ|Equatorial Guinea|Republic of Equatorial Guinea|||Equatorial Guinean;Equatoguinean
GR|Greece|Hellenic Republic|Hellas||Greek;Hellenic
GS|South Georgia and the South Sandwich Islands|South Georgia and the South Sandwich Islands|South Georgia;South Sandwich Islands||
GT|Guatemala|Republic of Guatemala|||Guatemalan
GU|Guam|Guam|||Guamanian
GW|Guinea-Bissau|Republic of Guinea-Bissau|||Bissau-Guinean
GY|Guyana|Co-operative Republic of Guyana|British Guiana||Guyanese
HK|Hong Kong|Hong Kong Special Administrative Region of the People's Republic of China|||Hongkonger;Hong Konger
HM|Heard Island and McDonald Islands|Territory of Heard Island and McDonald Islands|Heard Island;McDonald Islands||
HN|Honduras|Republic of Honduras|||Honduran
HR|Croatia|Republic of Croatia|||Croatian;Croat
HT|Haiti|Republic of Haiti|||Haitian
HU|Hungary|Hungary|||Hungarian;Magyar
ID|Indonesia|Republic of Indonesia|||Indonesian
IE|Ireland|Ireland|Republic of Ireland;Eire;Éire||Irish;Irishman;Irishwoman
IL|Israel|State of Israel|||Israeli
IM|Isle of Man|Isle of Man|||Manx;Manxman;Manxwoman
IN|India|Republic of India|Bharat||Indian
IO|British Indian Ocean Territory|British Indian Ocean Territory|Chagos Islands;Chagos Archipelago|BIOT|
IQ|Iraq|Republic of Iraq|||Iraqi
IR|Iran|Islamic Republic of Iran|||Iranian
IS|Iceland|Iceland|||Icelandic;Icelander
IT|Italy|Italian Republic|||Italian
JE|Jersey|Bailiwick of Jersey|||Jerseyman;Jerseywoman
JM|Jamaica|Jamaica|||Jamaican
JO|Jordan|Hashemite Kingdom of Jordan|||Jordanian
JP|Japan|Japan|Nippon;Nihon||Japanese
KE|Kenya|Republic of Kenya|||Kenyan
KG|Kyrgyzstan|Kyrgyz Republic|Kirghizia;Kirgizia;Kyrgyz Republic||Kyrgyz;Kyrgyzstani;Kirghiz
KH|Cambodia|Kingdom of Cambodia|Kampuchea||Cambodian;Khmer
KI|Kiribati|Republic of Kiribati|||I-Kiribati
KM|Comoros|Union of the Comoros|The Comoros||Comorian;Comoran
KN|Saint Kitts and Nevis|Federation of Saint Christopher and Nevis|St Kitts and Nevis;St. Kitts and Nevis;Saint Christopher and Nevis;St Kitts||Kittitian;Nevisian
KP|North Korea|Democratic People's Republic of Korea||DPRK;D.P.R.K.|North Korean
KR|South Korea|Republic of Korea||ROK|South Korean
KW|Kuwait|State of Kuwait|||Kuwaiti
KY|Cayman Islands|Cayman Islands|Caymans||Caymanian
KZ|Kazakhstan|Republic of Kazakhstan|Kazakstan||Kazakh;Kazakhstani
LA|Laos|Lao People's Democratic Republic|Lao|Lao PDR|Laotian;Lao
LB|Lebanon|Lebanese Republic|||Lebanese
LC|Saint Lucia|Saint Lucia|St Lucia;St. Lucia||Saint Lucian;St Lucian
LI|Liechtenstein|Principality of Liechtenstein|||Liechtensteiner
LK|Sri Lanka|Democratic Socialist Republic of Sri Lanka|Ceylon||Sri Lankan
LR|Liberia|Republic of Liberia|||Liberian
LS|Lesotho|Kingdom of Lesotho|Basutoland||Basotho;Mosotho
LT|Lithuania|Republic of Lithuania|||Lithuanian
LU|Luxembourg|Grand Duchy of Luxembourg|||Luxembourgish;Luxembourger
LV|Latvia|Republic of Latvia|||Latvian
LY|Libya|State of Libya|||Libyan
MA|Morocco|Kingdom of Morocco|||Moroccan
MC|Monaco|Principality of Monaco|||Monégasque;Monegasque;Monacan
MD|Moldova|Republic of Moldova|Moldavia||Moldovan
ME|Montenegro|Montenegro|||Montenegrin
MF|Saint Martin|Collectivity of Saint Martin|St. Martin;St Martin;Saint-Martin||
MG|Madagascar|Republic of Madagascar|||Malagasy;Madagascan
MH|Marshall Islands|Republic of the Marshall Islands|||Marshallese
MK|North Macedonia|Republic of North Macedonia|Macedonia|FYROM|North Macedonian;Macedonian
ML|Mali|Republic of Mali|||Malian
MM|Myanmar|Republic of the Union of Myanmar|Burma||Burmese
MN|Mongolia|Mongolia|||Mongolian;Mongol
MO|Macao|Macao Special Administrative Region of the People's Republic of China|Macau||Macanese
MP|Northern Mariana Islands|Commonwealth of the Northern Mariana Islands|Northern Marianas|CNMI|Northern Mariana Islander
MQ|Martinique|Martinique|||Martinican;Martiniquais
MR|Mauritania|Islamic Republic of Mauritania|||Mauritanian
MS|Montserrat|Montserrat|||Montserratian
MT|Malta|Republic of Malta|||Maltese
MU|Mauritius|Republic of Mauritius|||Mauritian
MV|Maldives|Republic of Maldives|The Maldives||Maldivian
MW|Malawi|Republic of Malawi|Nyasaland||Malawian
MX|Mexico|United Mexican States|||Mexican
MY|Malaysia|Malaysia|||Malaysian
MZ|Mozambique|Republic of Mozambique|||Mozambican
NA|Namibia|Republic of Namibia|||Namibian
NC|New Caledonia|New Caledonia|||New Caledonian
NE|Niger|Republic of the Niger|||Nigerien
NF|Norfolk Island|Territory of Norfolk Island|||Norfolk Islander
NG|Nigeria|Federal Republic of Nigeria|||Nigerian
NI|Nicaragua|Republic of Nicaragua|||Nicaraguan
NL|Netherlands|Kingdom of the Netherlands|Holland;The Netherlands||Dutch;Dutchman;Dutchwoman
NO|Norway|Kingdom of Norway|||Norwegian
NP|Nepal|Federal Democratic Republic of Nepal|||Nepali;Nepalese
NR|Nauru|Republic of Nauru|||Nauruan
NU|Niue|Niue|||Niuean
NZ|New Zealand|New Zealand|Aotearoa|NZ|New Zealander
OM|Oman|Sultanate of Oman|||Omani
PA|Panama|Republic of Panama|||Panamanian
PE|Peru|Republic of Peru|||Peruvian
PF|French Polynesia|French Polynesia|||French Polynesian
PG|Papua New Guinea|Independent State of Papua New Guinea||PNG|Papua New Guinean
PH|Philippines|Republic of the Philippines|The Philippines||Filipino;Philippine;Filipina
PK|Pakistan|Islamic Republic of Pakistan|||Pakistani
PL|Poland|Republic of Poland|||Polish;Pole
PM|Saint Pierre and Miquelon|Territorial Collectivity of Saint-Pierre and Miquelon|St. Pierre and Miquelon;Saint-Pierre-et-Miquelon||Saint-Pierrais;Miquelonnais
PN|Pitcairn Islands|Pitcairn, Henderson, Ducie and Oeno Islands|Pitcairn||Pitcairn Islander
PR|Puerto Rico|Commonwealth of Puerto Rico|||Puerto Rican
PS|Palestine|State of Palestine|Palestinian territories;Palestinian territory;Occupied Palestinian Territory;Palestinian Authority||Palestinian
PT|Portugal|Portuguese Republic|||Portuguese
PW|Palau|Republic of Palau|||Palauan
PY|Paraguay|Republic of Paraguay|||Paraguayan
QA|Qatar|State of Qatar|||Qatari
RE|Réunion|Réunion|Reunion;La Réunion||Réunionese;Reunionese
RO|Romania|Romania|Rumania||Romanian
RS|Serbia|Republic of Serbia|||Serbian;Serb
RU|Russia|Russian Federation|Russian Federation||Russian
RW|Rwanda|Republic of Rwanda|||Rwandan
SA|Saudi Arabia|Kingdom of Saudi Arabia||KSA|Saudi;Saudi Arabian
SB|Solomon Islands|Solomon Islands|Solomons||Solomon Islander
SC|Seychelles|Republic of Seychelles|The Seychelles||Seychellois
SD|Sudan|Republic of the Sudan|The Sudan||Sudanese
SE|Sweden|Kingdom of Sweden|||Swedish;Swede
SG|Singapore|Republic of Singapore|||Singaporean
SH|Saint Helena|Saint Helena, Ascension and Tristan da Cunha|St Helena;St. Helena;Ascension Island;Tristan da Cunha||Saint Helenian;St Helenian
SI|Slovenia|Republic of Slovenia|||Slovenian;Slovene
SJ|Svalbard and Jan Mayen|Svalbard and Jan Mayen|Svalbard;Jan Mayen||
SK|Slovakia|Slovak Republic|||Slovak;Slovakian
SL|Sierra Leone|Republic of Sierra Leone|||Sierra Leonean
SM|San Marino|Republic of San Marino|||Sammarinese
SN|Senegal|Republic of Senegal|||Senegalese
SO|Somalia|Federal Republic of Somalia|||Somali;Somalian
SR|Suriname|Republic of Suriname|Surinam;Dutch Guiana||Surinamese;Surinamer
SS|South Sudan|Republic of South Sudan|||South Sudanese
ST|São Tomé and Príncipe|Democratic Republic of São Tomé and Príncipe|Sao Tome and Principe;São Tomé||Santomean;São Toméan
SV|El Salvador|Republic of El Salvador|||Salvadoran;Salvadorian;Salvadorean
SX|Sint Maarten|Sint Maarten|||Sint Maartener
SY|Syria|Syrian Arab Republic|||Syrian
SZ|Eswatini|Kingdom of Eswatini|Swaziland;eSwatini||Swazi;Liswati;Emaswati
TC|Turks and Caicos Islands|Turks and Caicos Islands|Turks and Caicos||Turks and Caicos Islander
TD|Chad|Republic of Chad|||Chadian
TF|French Southern Territories|French Southern and Antarctic Lands|French Southern and Antarctic Lands|TAAF|
TG|Togo|Togolese Republic|||Togolese
TH|Thailand|Kingdom of Thailand|Siam||Thai
TJ|Tajikistan|Republic of Tajikistan|||Tajik;Tajikistani
TK|Tokelau|Tokelau|||Tokelauan
TL|Timor-Leste|Democratic Republic of Timor-Leste|East Timor||Timorese;East Timorese
TM|Turkmenistan|Turkmenistan|Turkmenia||Turkmen;Turkmenistani
TN|Tunisia|Republic of Tunisia|||Tunisian
TO|Tonga|Kingdom of Tonga|||Tongan
TR|Turkey|Republic of Türkiye|Türkiye;Turkiye;Republic of Turkey||Turkish;Turk
TT|Trinidad and Tobago|Republic of Trinidad and Tobago|Trinidad;Tobago||Trinidadian;Tobagonian;Trinbagonian
TV|Tuvalu|Tuvalu|||Tuvaluan
TW|Taiwan|Republic of China|Formosa;Chinese Taipei|ROC|Taiwanese
TZ|Tanzania|United Republic of Tanzania|||Tanzanian
UA|Ukraine|Ukraine|the Ukraine||Ukrainian
UG|Uganda|Republic of Uganda|||Ugandan
UM|United States Minor Outlying Islands|United States Minor Outlying Islands|U.S. Minor Outlying Islands||
US|United States|United States of America|United States;America|US;U.S.;USA;U.S.A.|American
UY|Uruguay|Oriental Republic of Uruguay|||Uruguayan
UZ|Uzbekistan|Republic of Uzbekistan|||Uzbek;Uzbekistani
VA|Vatican City|Vatican City State|Holy See;Vatican;Vatican City||Vatican
VC|Saint Vincent and the Grenadines|Saint Vincent and the Grenadines|St Vincent and the Grenadines;St. Vincent and the Grenadines;Saint Vincent;St Vincent||Vincentian
VE|Venezuela|Bolivarian Republic of Venezuela|||Venezuelan
VG|British Virgin Islands|Virgin Islands||BVI|British Virgin Islander
VI|United States Virgin Islands|Virgin Islands of the United States|US Virgin Islands;U.S. Virgin Islands|USVI|U.S. Virgin Islander
VN|Vietnam|Socialist Republic of Viet Nam|Viet Nam||Vietnamese
VU|Vanuatu|Republic of Vanuatu|New Hebrides||Ni-Vanuatu
WF|Wallis and Futuna|Territory of the Wallis and Futuna Islands|Wallis and Futuna Islands||Wallisian;Futunan
WS|Samoa|Independent State of Samoa|Western Samoa||Samoan
XK|Kosovo|Republic of Kosovo|||Kosovar;Kosovan
YE|Yemen|Republic of Yemen|||Yemeni
YT|Mayotte|Department of Mayotte|||Mahoran;Mahorais
ZA|South Africa|Republic of South Africa||RSA|South African
ZM|Zambia|Republic of Zambia|Northern Rhodesia||Zambian
ZW|Zimbabwe|Republic of Zimbabwe|Rhodesia||Zimbabwean
"""

# Natural Earth countries-10m features that have no ISO 3166-1 numeric id in world-atlas
# (feature id null). Kosovo is matched to the XK row above by name instead.
#   ne_name | name | official name | other names | abbreviations | demonyms | note
NE_ONLY = r"""
Akrotiri|Akrotiri|Sovereign Base Area of Akrotiri|Akrotiri Sovereign Base Area|||British sovereign base area on Cyprus (GB)
Bajo Nuevo Bank|Bajo Nuevo Bank|Bajo Nuevo Bank|Bajo Nuevo|||reef; disputed, administered by Colombia
Baikonur|Baikonur|Baikonur lease area|Baikonur Cosmodrome|||Kazakh territory leased to Russia (KZ)
Clipperton I.|Clipperton Island|Clipperton Island|Clipperton|||French Pacific atoll (FR)
Coral Sea Is.|Coral Sea Islands|Coral Sea Islands Territory||||Australian external territory (AU)
Cyprus U.N. Buffer Zone|Cyprus UN Buffer Zone|United Nations Buffer Zone in Cyprus|Green Line;UN buffer zone|||UN-controlled zone between the Republic of Cyprus and Northern Cyprus
Dhekelia|Dhekelia|Sovereign Base Area of Dhekelia|Dhekelia Sovereign Base Area|||British sovereign base area on Cyprus (GB)
Indian Ocean Ter.|Australian Indian Ocean Territories|Australian Indian Ocean Territories||||Christmas Island (CX) and Cocos (Keeling) Islands (CC) together
N. Cyprus|Northern Cyprus|Turkish Republic of Northern Cyprus|North Cyprus|TRNC|Turkish Cypriot|de facto state recognised only by Turkey; ISO counts it in CY
Scarborough Reef|Scarborough Shoal|Scarborough Shoal|Scarborough Reef;Huangyan Island;Panatag Shoal|||disputed between China, the Philippines and Taiwan
Serranilla Bank|Serranilla Bank|Serranilla Bank||||reef; disputed, administered by Colombia
Siachen Glacier|Siachen Glacier|Siachen Glacier||||held by India, claimed by Pakistan
Somaliland|Somaliland|Republic of Somaliland|||Somalilander|de facto state; ISO counts it in SO
Spratly Is.|Spratly Islands|Spratly Islands|Spratlys|||disputed between several states
USNB Guantanamo Bay|Guantanamo Bay Naval Base|United States Naval Base Guantanamo Bay|Guantanamo Bay;Guantánamo Bay;Guantanamo;Gitmo|||US-leased base on Cuba
"""

# Natural Earth names that differ from the common English name, for the record only (derive.py
# reads the actual names from countries-10m.json).
NOTES = {
    "Congo": "listed for both CD and CG; the geocoder must use context",
    "Dominican": "demonym of both DO and DM",
    "Georgia": "also a US state (GeoNames admin1 US.GA)",
    "Macedonian": "also the Greek region of Macedonia",
    "America": "also the continent(s); prefer longer matches (Latin America, South America)",
}


def _split(field):
    return [x.strip() for x in field.split(";") if x.strip()]


def parse_table():
    rows = {}
    for line in TABLE.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 6:
            raise ValueError(f"countries_table: need 6 fields: {line!r}")
        iso2, name, official, other, abbr, demonyms = parts
        if iso2 in rows:
            raise ValueError(f"countries_table: duplicate {iso2}")
        rows[iso2] = {
            "name": name.strip(),
            "official": official.strip(),
            "other": _split(other),
            "abbr": _split(abbr),
            "demonyms": _split(demonyms),
        }
    return rows


def parse_ne_only():
    rows = []
    for line in NE_ONLY.strip().splitlines():
        parts = line.split("|")
        if len(parts) != 7:
            raise ValueError(f"countries_table NE_ONLY: need 7 fields: {line!r}")
        ne_name, name, official, other, abbr, demonyms, note = parts
        rows.append({
            "ne_name": ne_name.strip(),
            "name": name.strip(),
            "official": official.strip(),
            "other": _split(other),
            "abbr": _split(abbr),
            "demonyms": _split(demonyms),
            "note": note.strip(),
        })
    return rows
