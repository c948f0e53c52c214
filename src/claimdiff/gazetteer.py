"""General world knowledge as compact tables: countries, demonyms, capitals,
organisation acronyms and titles.

Only general knowledge lives here, never anything learnt from one corpus. Tables
are parsed once at import into plain dicts, so look-ups are O(1) and cheap
enough for a per-token loop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any


def words(text: str) -> frozenset[str]:
    """A set of whitespace-separated words: keeps long word tables readable."""
    return frozenset(text.split())


# name | alternative names | demonyms | capitals   (";" separates values in a field)
_COUNTRIES = """
Afghanistan||Afghan|Kabul
Albania||Albanian|Tirana
Algeria||Algerian|Algiers
Andorra||Andorran|Andorra la Vella
Angola||Angolan|Luanda
Antigua and Barbuda||Antiguan|Saint John's
Argentina||Argentine;Argentinian;Argentinean|Buenos Aires
Armenia|Republic of Armenia|Armenian|Yerevan
Australia||Australian|Canberra
Austria||Austrian|Vienna
Azerbaijan|Republic of Azerbaijan|Azerbaijani;Azeri|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain|Kingdom of Bahrain|Bahraini|Manama
Bangladesh||Bangladeshi|Dhaka
Barbados||Barbadian;Bajan|Bridgetown
Belarus|Republic of Belarus;Byelorussia|Belarusian;Belarusan|Minsk
Belgium||Belgian|Brussels
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian|Sucre;La Paz
Bosnia and Herzegovina|Bosnia|Bosnian|Sarajevo
Botswana||Motswana;Botswanan|Gaborone
Brazil||Brazilian|Brasilia;Brasília
Brunei|Brunei Darussalam|Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian|Gitega
Cambodia||Cambodian|Phnom Penh
Cameroon||Cameroonian|Yaounde;Yaoundé
Canada||Canadian|Ottawa
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic|CAR|Central African|Bangui
Chad||Chadian|N'Djamena
Chile||Chilean|Santiago
China|People's Republic of China;PRC;Mainland China|Chinese|Beijing;Peking
Colombia||Colombian|Bogota;Bogotá
Comoros||Comoran;Comorian|Moroni
Congo|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa;Zaire||Kinshasa
Costa Rica||Costa Rican|San Jose;San José
Croatia||Croatian;Croat|Zagreb
Cuba||Cuban|Havana
Cyprus||Cypriot|Nicosia
Czech Republic|Czechia|Czech|Prague
Denmark||Danish;Dane|Copenhagen
Djibouti||Djiboutian|
Dominica||Dominican|Roseau
Dominican Republic|||Santo Domingo
East Timor|Timor-Leste|Timorese|Dili
Ecuador||Ecuadorian;Ecuadorean|Quito
Egypt|Arab Republic of Egypt|Egyptian|Cairo
El Salvador||Salvadoran;Salvadorian|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean|Asmara
Estonia||Estonian|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian|Addis Ababa
Fiji||Fijian|Suva
Finland||Finnish;Finn|Helsinki
France|French Republic|French|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian|Tbilisi
Germany|Federal Republic of Germany|German|Berlin
Ghana||Ghanaian|Accra
Greece|Hellenic Republic|Greek|Athens
Grenada||Grenadian|St George's
Guatemala||Guatemalan|Guatemala City
Guinea||Guinean|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian|Port-au-Prince
Honduras||Honduran|Tegucigalpa
Hungary||Hungarian|Budapest
Iceland||Icelandic;Icelander|Reykjavik
India|Republic of India|Indian|New Delhi;Delhi
Indonesia||Indonesian|Jakarta
Iran|Islamic Republic of Iran;Islamic Republic;Persia|Iranian;Persian|Tehran;Teheran
Iraq|Republic of Iraq|Iraqi|Baghdad
Ireland|Republic of Ireland;Eire|Irish|Dublin
Israel|State of Israel|Israeli|Jerusalem;Tel Aviv
Italy|Italian Republic|Italian|Rome
Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian|Yamoussoukro;Abidjan
Jamaica||Jamaican|Kingston
Japan||Japanese|Tokyo
Jordan|Hashemite Kingdom of Jordan|Jordanian|Amman
Kazakhstan|Republic of Kazakhstan|Kazakh;Kazakhstani|Astana;Almaty
Kenya||Kenyan|Nairobi
Kiribati||I-Kiribati|Tarawa
Kosovo||Kosovar;Kosovan|Pristina
Kuwait|State of Kuwait|Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz Republic;Kirghizia|Kyrgyz;Kirghiz|Bishkek
Laos|Lao PDR|Laotian;Lao|Vientiane
Latvia||Latvian|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian|Monrovia
Libya||Libyan|Tripoli
Liechtenstein||Liechtensteiner|Vaduz
Lithuania||Lithuanian|Vilnius
Luxembourg||Luxembourgish;Luxembourger|
Madagascar||Malagasy|Antananarivo
Malawi||Malawian|Lilongwe
Malaysia||Malaysian|Kuala Lumpur;Putrajaya
Maldives|The Maldives|Maldivian|
Mali||Malian|Bamako
Malta||Maltese|Valletta
Marshall Islands||Marshallese|Majuro
Mauritania||Mauritanian|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican|Mexico City
Micronesia|Federated States of Micronesia|Micronesian|Palikir
Moldova|Republic of Moldova|Moldovan|Chisinau;Chișinău
Monaco||Monegasque|
Mongolia||Mongolian|Ulaanbaatar;Ulan Bator
Montenegro||Montenegrin|Podgorica
Morocco|Kingdom of Morocco|Moroccan|Rabat
Mozambique||Mozambican|Maputo
Myanmar|Burma|Burmese;Myanmar|Naypyidaw;Naypyitaw;Rangoon;Yangon
Namibia||Namibian|Windhoek
Nauru||Nauruan|Yaren
Nepal||Nepalese;Nepali|Kathmandu
Netherlands|The Netherlands;Holland|Dutch|Amsterdam;The Hague
New Zealand||New Zealander;Kiwi|Wellington
Nicaragua||Nicaraguan|Managua
Niger||Nigerien|Niamey
Nigeria||Nigerian|Abuja
North Korea|Democratic People's Republic of Korea;DPRK|North Korean|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian|Oslo
Oman|Sultanate of Oman|Omani|Muscat
Pakistan|Islamic Republic of Pakistan|Pakistani|Islamabad
Palau||Palauan|Ngerulmud
Palestine|State of Palestine;Palestinian Territories|Palestinian|Ramallah
Panama||Panamanian|Panama City
Papua New Guinea|PNG|Papua New Guinean|Port Moresby
Paraguay||Paraguayan|Asuncion;Asunción
Peru||Peruvian|Lima
Philippines|The Philippines|Filipino;Philippine|Manila
Poland|Republic of Poland|Polish;Pole|Warsaw
Portugal||Portuguese|Lisbon
Qatar|State of Qatar|Qatari|Doha
Romania||Romanian|Bucharest
Russia|Russian Federation|Russian|Moscow
Rwanda||Rwandan|Kigali
Saint Kitts and Nevis|St Kitts and Nevis|Kittitian|Basseterre
Saint Lucia|St Lucia|Saint Lucian|Castries
Saint Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian|Kingstown
Samoa||Samoan|Apia
San Marino||Sammarinese|
Sao Tome and Principe|São Tomé and Príncipe|Santomean|
Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian;Serb|Belgrade
Seychelles||Seychellois|
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean|
Slovakia|Slovak Republic|Slovak;Slovakian|Bratislava
Slovenia||Slovenian;Slovene|Ljubljana
Solomon Islands||Solomon Islander|Honiara
Somalia||Somali|Mogadishu
South Africa|Republic of South Africa|South African|Pretoria;Cape Town
South Korea|Republic of Korea;ROK;Korea|South Korean;Korean|Seoul
South Sudan||South Sudanese|Juba
Spain|Kingdom of Spain|Spanish;Spaniard|Madrid
Sri Lanka|Ceylon|Sri Lankan|Colombo;Sri Jayawardenepura Kotte
Sudan||Sudanese|Khartoum
Suriname||Surinamese|Paramaribo
Sweden||Swedish;Swede|Stockholm
Switzerland|Swiss Confederation|Swiss|Bern;Berne
Syria|Syrian Arab Republic|Syrian|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan|Republic of Tajikistan|Tajik;Tajikistani;Tadjik|Dushanbe
Tanzania||Tanzanian|Dodoma;Dar es Salaam
Thailand||Thai|Bangkok
Togo||Togolese|Lome;Lomé
Tonga||Tongan|Nuku'alofa
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian|Tunis
Turkey|Türkiye;Turkiye|Turkish|Ankara
Turkmenistan||Turkmen|Ashgabat
Tuvalu||Tuvaluan|Funafuti
Uganda||Ugandan|Kampala
Ukraine||Ukrainian|Kyiv;Kiev
United Arab Emirates|UAE;Emirates|Emirati|Abu Dhabi
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton|London
United States|US;U.S.;USA;U.S.A.;United States of America;America|American|Washington
Uruguay||Uruguayan|Montevideo
Uzbekistan|Republic of Uzbekistan|Uzbek|Tashkent
Vanuatu||Ni-Vanuatu|Port Vila
Vatican City|Holy See;Vatican||
Venezuela||Venezuelan|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni|Sanaa;Sana'a
Zambia||Zambian|Lusaka
Zimbabwe||Zimbabwean|Harare
England||English|
Scotland||Scottish;Scot|Edinburgh
Wales||Welsh|Cardiff
Northern Ireland||Northern Irish|Belfast
Hong Kong||Hong Konger|
"""

# Continents and regions: places, but not countries.
REGIONS = frozenset(
    """Africa;Asia;Europe;Antarctica;Oceania;Australasia;North America;South America;
    Latin America;Central America;Central Asia;South Asia;East Asia;Southeast Asia;
    South-East Asia;West Africa;East Africa;North Africa;Southern Africa;Sub-Saharan Africa;
    Middle East;Near East;Far East;Gulf;Persian Gulf;Arabian Peninsula;Caucasus;
    South Caucasus;North Caucasus;Balkans;Baltic;Baltics;Scandinavia;Eastern Europe;
    Western Europe;Central Europe;Southern Europe;Northern Europe;Mediterranean;
    Caribbean;Pacific;Atlantic;Indian Ocean;Arctic;Sahel;Horn of Africa;Levant;Maghreb;
    Eurasia;Siberia;Kashmir;Gaza;Gaza Strip;West Bank;Crimea;Donbas;Kurdistan;Tibet;
    Xinjiang;Chechnya;Darfur;Silicon Valley""".replace("\n", "").split(";")
)
REGIONS = frozenset(r.strip() for r in REGIONS)

# Acronyms of well-known international bodies, agencies and media.
ACRONYMS: dict[str, str] = {
    "UN": "United Nations",
    "UNSC": "United Nations Security Council",
    "UNGA": "United Nations General Assembly",
    "EU": "European Union",
    "EC": "European Commission",
    "ECB": "European Central Bank",
    "NATO": "North Atlantic Treaty Organization",
    "Nato": "North Atlantic Treaty Organization",
    "SCO": "Shanghai Cooperation Organisation",
    "ECO": "Economic Cooperation Organization",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "Opec": "Organization of the Petroleum Exporting Countries",
    "WTO": "World Trade Organization",
    "IMF": "International Monetary Fund",
    "WHO": "World Health Organization",
    "ASEAN": "Association of Southeast Asian Nations",
    "Asean": "Association of Southeast Asian Nations",
    "BRICS": "BRICS",
    "CIS": "Commonwealth of Independent States",
    "CSTO": "Collective Security Treaty Organization",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "OECD": "Organisation for Economic Co-operation and Development",
    "OIC": "Organisation of Islamic Cooperation",
    "GCC": "Gulf Cooperation Council",
    "AU": "African Union",
    "APEC": "Asia-Pacific Economic Cooperation",
    "EAEU": "Eurasian Economic Union",
    "IAEA": "International Atomic Energy Agency",
    "UNESCO": "United Nations Educational, Scientific and Cultural Organization",
    "Unesco": "United Nations Educational, Scientific and Cultural Organization",
    "UNICEF": "United Nations Children's Fund",
    "Unicef": "United Nations Children's Fund",
    "UNHCR": "United Nations High Commissioner for Refugees",
    "UNDP": "United Nations Development Programme",
    "UNRWA": "United Nations Relief and Works Agency",
    "WFP": "World Food Programme",
    "FAO": "Food and Agriculture Organization",
    "ILO": "International Labour Organization",
    "ICC": "International Criminal Court",
    "ICJ": "International Court of Justice",
    "ICRC": "International Committee of the Red Cross",
    "IOC": "International Olympic Committee",
    "FIFA": "Fédération Internationale de Football Association",
    "Fifa": "Fédération Internationale de Football Association",
    "UEFA": "Union of European Football Associations",
    "Uefa": "Union of European Football Associations",
    "World Bank": "World Bank",
    "ADB": "Asian Development Bank",
    "AIIB": "Asian Infrastructure Investment Bank",
    "EBRD": "European Bank for Reconstruction and Development",
    "IEA": "International Energy Agency",
    "IPCC": "Intergovernmental Panel on Climate Change",
    "ECOWAS": "Economic Community of West African States",
    "Ecowas": "Economic Community of West African States",
    "SADC": "Southern African Development Community",
    "SAARC": "South Asian Association for Regional Cooperation",
    "OAS": "Organization of American States",
    "NAFTA": "North American Free Trade Agreement",
    "Nafta": "North American Free Trade Agreement",
    "NASA": "National Aeronautics and Space Administration",
    "Nasa": "National Aeronautics and Space Administration",
    "ESA": "European Space Agency",
    "FBI": "Federal Bureau of Investigation",
    "CIA": "Central Intelligence Agency",
    "NSA": "National Security Agency",
    "KGB": "KGB",
    "FSB": "Federal Security Service",
    "IRGC": "Islamic Revolutionary Guard Corps",
    "IDF": "Israel Defense Forces",
    "NHS": "National Health Service",
    "BBC": "British Broadcasting Corporation",
    "CNN": "Cable News Network",
    "ITV": "ITV",
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "IRNA": "Islamic Republic News Agency",
    "ISNA": "Iranian Students' News Agency",
    "ISIS": "Islamic State",
    "ISIL": "Islamic State",
    "SNP": "Scottish National Party",
    "UKIP": "UK Independence Party",
    "Ukip": "UK Independence Party",
    "CDU": "Christian Democratic Union",
    "SPD": "Social Democratic Party of Germany",
    "BJP": "Bharatiya Janata Party",
    "ANC": "African National Congress",
    "PLO": "Palestine Liberation Organization",
}

# All-caps words that are common nouns rather than names of anything.
COMMON_ACRONYMS = words(
    """GDP GNP CEO CFO COO CTO MOU MOUS MOUs MoU MoUs UAV UAVs TV PC DVD CD CDs DVDs AM
    PM OK AIDS HIV VAT IT ID IQ SMS PR MP MPs MEP MEPs QC GP GPs NGO NGOs PhD MBA FAQ
    USB GPS LCD MP3 RSS WWW HTML URL I II III IV VI VII VIII IX XI XII A B C D E F"""
)

# Title phrases by category. "office" titles are roles (they yield a RoleClaim);
# the others are ranks and honorifics, recorded in Mention.titles only.
_OFFICES = """President;Vice President;Vice-President;Prime Minister;Deputy Prime Minister;
Premier;Chancellor;Vice Chancellor;Vice-Chancellor;Minister;Deputy Minister;Minister of State;
Deputy Foreign Minister;Secretary of State;Secretary-General;Secretary General;
General Secretary;Under-Secretary-General;Ambassador;Envoy;Special Envoy;Consul;
Consul General;High Commissioner;Commissioner;Mayor;Deputy Mayor;Governor;Senator;
Congressman;Congresswoman;Representative;Speaker;Chief Justice;Judge;Attorney General;
Chief Executive;Chief Executive Officer;Chief Operating Officer;Chief Financial Officer;
Chairman;Chairwoman;Chairperson;Chair;Vice Chairman;Deputy Chairman;Director;
Director General;Director-General;Managing Director;Executive Director;Spokesman;
Spokeswoman;Spokesperson;Secretary;Leader;Supreme Leader;Opposition Leader;
Head of State;Head of Government;Adviser;Advisor;National Security Adviser;
Chief Minister;First Minister;Lord Chancellor;Chancellor of the Exchequer;
Chief of Staff;Chief of General Staff;Chief of the General Staff;Chief of Defence Staff;
Chief of Staff of the Armed Forces;Chief General;Commander-in-Chief;Commander in Chief;
Chief Commander;Chief;
Head;King;Queen;Prince;Princess;Crown Prince;Emir;Amir;Sultan;Emperor;Empress;Shah;
Pope;Patriarch;Grand Mufti;Mufti;Coach;Manager;Captain;Boss;Founder;Co-founder;
Owner;Editor;Correspondent;Analyst;Economist;Professor;MP;MEP;CEO;President-elect;
Prime Minister-designate;Foreign Minister;Foreign Secretary;Home Secretary;
Defence Secretary;Defense Secretary;Health Secretary;Culture Secretary;
Education Secretary;Transport Secretary;Work and Pensions Secretary;
Trade Secretary;Environment Secretary;Northern Ireland Secretary;Scottish Secretary;
Welsh Secretary;Shadow Chancellor;Shadow Home Secretary;Shadow Foreign Secretary;
Treasury Secretary;Attorney-General;Solicitor General;Deputy Leader;Party Leader;
Commander;President of the Republic"""

_RANKS = """General;Lieutenant General;Major General;Brigadier General;Colonel General;
Colonel;Lieutenant Colonel;Major;Captain;Lieutenant;Sergeant;Corporal;Field Marshal;
Marshal;Air Marshal;Air Chief Marshal;Admiral;Rear Admiral;Vice Admiral;Commodore;
Brigadier;Gen;Gen.;Lt;Lt.;Col;Col.;Maj;Maj.;Capt;Capt.;Sgt;Sgt.;Brig;Brig.;Adm;Adm.;Cmdr;Cdr;
Lt Gen;Maj Gen;Brig Gen;Lt Col"""

_HONORIFICS = """Ayatollah;Grand Ayatollah;Hojatoleslam;Hojjatoleslam;Hujjat al-Islam;Imam;
Mullah;Seyyed;Seyed;Sayyid;Sayyed;Sayed;Syed;Sheikh;Shaikh;Sheikha;Cardinal;Archbishop;
Bishop;Reverend;Rev;Rev.;Rabbi;Haji;Hajji;Mr;Mr.;Mrs;Mrs.;Ms;Ms.;Miss;Mx;Dr;Dr.;Prof;Prof.;
Sir;Lord;Lady;Dame;Baron;Baroness;Duke;Duchess;Earl;Countess;His Excellency;Her Excellency;
His Majesty;Her Majesty;His Holiness;Mister;Madam;Madame;Monsieur;Herr;Frau;Senor;Señor"""

# Portfolios: "Defence Minister" and "Minister of Defence" both become "Minister of Defense".
_PORTFOLIOS: dict[str, str] = {
    "defence": "Defense",
    "defense": "Defense",
    "interior": "Interior",
    "home affairs": "Interior",
    "finance": "Finance",
    "economy": "Economy",
    "economic affairs": "Economy",
    "trade": "Trade",
    "commerce": "Commerce",
    "industry": "Industry",
    "energy": "Energy",
    "oil": "Oil",
    "petroleum": "Oil",
    "health": "Health",
    "education": "Education",
    "justice": "Justice",
    "culture": "Culture",
    "agriculture": "Agriculture",
    "transport": "Transport",
    "labour": "Labour",
    "labor": "Labour",
    "environment": "Environment",
    "intelligence": "Intelligence",
    "communications": "Communications",
    "information": "Information",
    "tourism": "Tourism",
    "sport": "Sport",
    "sports": "Sport",
    "security": "Security",
    "water": "Water",
    "roads": "Roads",
    "science": "Science",
    "housing": "Housing",
    "immigration": "Immigration",
    "emergency situations": "Emergency Situations",
    "emergencies": "Emergency Situations",
}

FEMALE_HONORIFICS = words(
    """mrs ms miss lady dame baroness duchess countess queen princess empress sheikha madam
    madame frau"""
)
MALE_HONORIFICS = words(
    """mr mister sir lord baron duke earl king prince emperor shah sultan emir ayatollah
    monsieur herr senor señor"""
)


@dataclass(frozen=True)
class Title:
    """A known title: its canonical form, and whether it is an office (a role)."""

    canonical: str
    office: bool
    rank: bool = False


def _title_case(phrase: str) -> str:
    small = {"of", "the", "for", "in", "and", "to", "al"}
    words = phrase.split()
    return " ".join(
        w if (i and w.lower() in small) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def _build_titles() -> dict[str, Title]:
    titles: dict[str, Title] = {}

    def add(phrase: str, canonical: str, office: bool, rank: bool = False) -> None:
        titles.setdefault(phrase.lower(), Title(canonical, office, rank))

    for portfolio, canonical in _PORTFOLIOS.items():
        name = f"Minister of {canonical}"
        for phrase in (f"{portfolio} minister", f"minister of {portfolio}"):
            add(phrase, name, True)
            add(f"deputy {phrase}", f"Deputy {name}", True)
            add(f"minister for {portfolio}", name, True)
    for phrase in (
        "foreign minister",
        "minister of foreign affairs",
        "minister for foreign affairs",
    ):
        add(phrase, "Foreign Minister", True)
        add(f"deputy {phrase}", "Deputy Foreign Minister", True)
    synonyms = {
        "vice-president": "Vice President",
        "secretary general": "Secretary-General",
        "director-general": "Director General",
        "vice-chancellor": "Vice Chancellor",
        "commander in chief": "Commander-in-Chief",
        "chief executive officer": "Chief Executive",
        "ceo": "Chief Executive",
        "chairwoman": "Chairman",
        "chairperson": "Chairman",
        "chair": "Chairman",
        "spokeswoman": "Spokesman",
        "spokesperson": "Spokesman",
        "advisor": "Adviser",
        "attorney-general": "Attorney General",
        "defense secretary": "Defence Secretary",
        "chief of the general staff": "Chief of General Staff",
        "amir": "Emir",
        "president of the republic": "President",
    }
    for block, office in ((_OFFICES, True), (_RANKS, False), (_HONORIFICS, False)):
        for raw in block.replace("\n", "").split(";"):
            phrase = raw.strip()
            if phrase:
                canonical = synonyms.get(phrase.lower(), _title_case(phrase.rstrip(".")))
                add(phrase, canonical, office, rank=block is _RANKS)
    return titles


TITLES: dict[str, Title] = _build_titles()
# Longest title in words, to bound the longest-match search.
MAX_TITLE_WORDS = max(len(p.split()) for p in TITLES)
TITLE_WORDS = frozenset(
    w for p in TITLES for w in p.replace("-", " ").split() if w not in {"of", "the", "for", "and"}
)
# Offices that may stand alone in lower case as a role mention ("the president said").
UNIQUE_OFFICES = frozenset(
    """president;vice president;prime minister;deputy prime minister;supreme leader;king;
    queen;pope;chancellor;foreign minister;foreign secretary;home secretary;emir;
    secretary-general;secretary general;crown prince;defence minister;defense minister""".replace(
        "\n", ""
    ).split(";")
)
UNIQUE_OFFICES = frozenset(p.strip() for p in UNIQUE_OFFICES)
# Lower-case forms of these words are too common to be read as titles.
CAPITALISED_ONLY_TITLES = frozenset(
    """general;major;captain;head;leader;chair;judge;speaker;representative;director;
    manager;coach;boss;founder;owner;editor;correspondent;analyst;economist;professor;
    commander;marshal;lieutenant;sergeant;corporal;private;colonel;brigadier;admiral;
    commodore;bishop;cardinal;lord;lady;dame;king;queen;prince;princess;duke;duchess;earl;
    miss;secretary;chief of staff;governor;envoy;minister;deputy minister;commissioner;
    adviser;advisor;consul;senator;mufti;imam;patriarch""".replace("\n", "").split(";")
)
CAPITALISED_ONLY_TITLES = frozenset(p.strip() for p in CAPITALISED_ONLY_TITLES)


@dataclass(frozen=True)
class Country:
    name: str
    alternatives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def _split(field: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in field.split(";") if v.strip())


def _parse_countries() -> tuple[Country, ...]:
    rows = []
    for line in _COUNTRIES.strip().splitlines():
        name, alternatives, demonyms, capitals = line.split("|")
        rows.append(Country(name, _split(alternatives), _split(demonyms), _split(capitals)))
    return tuple(rows)


COUNTRIES: tuple[Country, ...] = _parse_countries()
COUNTRY_NAMES: dict[str, str] = {}
DEMONYMS: dict[str, str] = {}
CAPITALS: dict[str, str] = {}
for _country in COUNTRIES:
    for _name in (_country.name, *_country.alternatives):
        COUNTRY_NAMES.setdefault(_name, _country.name)
        if _name.startswith("The "):
            COUNTRY_NAMES.setdefault(_name[4:], _country.name)
    for _demonym in _country.demonyms:
        DEMONYMS.setdefault(_demonym, _country.name)
    for _capital in _country.capitals:
        CAPITALS.setdefault(_capital, _country.name)
# Person nouns and nicknames that are also common names or words.
for _ambiguous in ("Kiwi", "Finn", "Pole", "Scot", "Dane", "Swede", "Briton"):
    DEMONYMS.pop(_ambiguous, None)
# Longest place name in words, to bound longest-match search.
MAX_PLACE_WORDS = max(len(n.split()) for n in (*COUNTRY_NAMES, *CAPITALS, *REGIONS))
PLURAL_DEMONYMS = frozenset(
    d + "s" for d in DEMONYMS if not d.endswith(("s", "ese", "sh", "ch", "ss"))
)


@lru_cache(maxsize=65536)
def country_for(word: str) -> str | None:
    """The country that a name, alternative name, demonym or capital refers to."""
    word = word.strip()
    for table in (COUNTRY_NAMES, DEMONYMS, CAPITALS):
        found = table.get(word)
        if found is not None:
            return found
    if word.startswith("the ") or word.startswith("The "):
        return COUNTRY_NAMES.get(word[4:])
    return None


def is_country_name(word: str) -> bool:
    return word in COUNTRY_NAMES


def is_capital(word: str) -> bool:
    return word in CAPITALS


def is_region(word: str) -> bool:
    return word in REGIONS


def is_demonym(word: str) -> bool:
    return word in DEMONYMS


def expand_acronym(acronym: str) -> str | None:
    """The expansion of a well-known organisation acronym ("SCO", "Nato"), if known."""
    return ACRONYMS.get(acronym) or ACRONYMS.get(acronym.upper())


def is_title_word(word: str) -> bool:
    """Whether a single word belongs to a title or honorific ("President", "Mr", "Major")."""
    return word.lower().rstrip(".") in TITLE_WORDS or word.lower() in TITLE_WORDS


def title_for(phrase: str) -> Title | None:
    """A known title phrase ("Prime Minister", "defence minister", "Mr") or None."""
    return TITLES.get(phrase.lower())


def gender_of_titles(titles: tuple[str, ...]) -> str | None:
    """ "m" or "f" when an honorific tells, else None."""
    for title in titles:
        lowered = title.lower().rstrip(".")
        if lowered in FEMALE_HONORIFICS:
            return "f"
        if lowered in MALE_HONORIFICS:
            return "m"
    return None


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of ``phrases`` as a prefix tree ("sa(?:id|y(?:s|ing)?)"), so the
    regex engine tests a few characters per position instead of every phrase in turn."""
    tree: dict[str, dict[str, Any]] = {}
    end = ""  # a key no character can take: marks that a phrase ends here
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[end] = {}

    def render(node: dict[str, dict[str, Any]]) -> str:
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end in node else body

    return render(tree)
