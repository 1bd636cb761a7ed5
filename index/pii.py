"""Find personal data in forum text and replace it with placeholders: emails, links, phone numbers,
record numbers, dates of birth, street addresses and people's names.

Rules written for Bedside and measured by `just bench-pii` on labelled sets (index/data/pii_cases).
Each rule keys on what makes the text personal, so medical text is left alone:
- a record number needs its label ("MRN", "NHS number", "policy no.", "patient ID"), or a format
  only identifiers have (123-45-6789);
- a date of birth needs "born", "DOB" or "date of birth" before it; other dates stay;
- an address needs a cue ("we live at", "my address is") or a house number with a street word, a
  postcode, or a ZIP after a state;
- a phone number needs phone-style separators, a leading 0 or +, or a phone word before it: a count
  such as "20000000/ml" stays;
- a name needs a title, a greeting, a sign-off, an introduction ("my name is", "I'm", "my son") or
  to be a known first name (Faker's lists for 80 locales). A known first name followed by a medical
  word ("Graves' disease", "Bell's palsy", "Tommy John surgery") is an eponym and stays, and so do
  first names that are everyday words ("Hope", "Will", "Doctor"). A name found once is removed
  wherever else it appears in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

PII_KINDS = ("email", "phone", "url", "name", "dob", "address", "record")
PLACEHOLDER = {kind: f"[{kind}]" for kind in PII_KINDS}
_HOLE = re.compile(r"\[(?:" + "|".join(PII_KINDS) + r")\]")

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
LOW = "a-zß-öø-ÿā-ž"
# A capitalised word of a name: "Anna", "O'Brien", "D'Souza", "Jean-Luc", "Sofía", "McDonald".
WORD = rf"[{UP}](?:[{LOW}]+|['’][{UP}][{LOW}]+)(?:[{UP}][{LOW}]+)?(?:[-'’](?:[{UP}][{LOW}]*|[{LOW}]+))*"
# Particles inside a name: "van Rensburg", "bin Salleh", "de la Cruz", "Ó Briain".
PARTICLE = r"(?i:van|von|de|da|del|della|der|den|di|du|dos|das|la|le|bin|binti|ibn|al|el|ó|ní|mac)"
_NOT_A_TITLE = r"(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr|Dra|Prof|Professor|Sr|Fr|Rev)\b)"
_NAME_WORD = rf"(?:{PARTICLE}\s+)*{WORD}"
NAME = rf"(?<![\w'’-]){_NOT_A_TITLE}(?:[{UP}]\.\s*)?{_NAME_WORD}(?:\s+(?:[{UP}]\.\s+)?{_NAME_WORD}){{0,2}}"
LOWER_NAME = rf"[a-z{LOW[3:]}][{LOW}]+(?:-[{LOW}]+)?"

# Each starts only where a token starts (from every "a" of "a.a.a…" it was quadratic).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+\b")
# "name (at) gmail (dot) com", "rajiv dot menon at gmail dot com", "hana_sato @ yahoo . co . jp"
_AT = r"(?:\s*@\s*|\s*[(\[{]\s*at\s*[)\]}]\s*|\s+(?i:at)\s+)"
_DOT = r"(?:\s*[(\[{]\s*dot\s*[)\]}]\s*|\s+(?i:dot)\s+|\s\.\s|\.)"
# Starts only where a token starts, and never gives back what the local part took: a 20,000-character
# "a-a-a-…" run was quadratic.
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]++(?:{_DOT}[\w+-]++)*+{_AT}[\w-]+(?:{_DOT}[a-z]{{2,6}})+\b(?<!\.)", re.IGNORECASE
)
_TLDS = (
    "com|org|net|edu|gov|io|me|ly|be|gg|gl|site|app|info|biz|health|clinic|care|blog|page|link|co|uk|us|de|fr|"
    "es|it|nl|br|nz|au|in|ca|ie|za|ng|ke|ph|pk|sg|my|ae|jp|cn|ru|ch|at|se|no|dk|fi|pl|pt|mx|ar|cl|ee|so|tv|ai|xyz|"
    "online|store|tech|dev|fm|to|cc|africa|gh|tz|ug|lk|bd|np|eg|ma|kr|tw|hk|th|vn|id|me|ly|wa|social|link"
)
URL = re.compile(
    r"\b(?:(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]"
    rf"|(?<![\w.-])(?:[a-z0-9][a-z0-9-]*+\.)++(?-i:{_TLDS})(?:\.[a-z]{{2}})?(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]|/)?(?![\w@]))",
    re.IGNORECASE,
)
# A bare domain must look like one: a path, or a known site shape; "e.g" or "Dr.Rao" are not links.
_BARE_OK = re.compile(r"/|^(?:[a-z0-9-]+\.){1,}[a-z]{2,}$", re.IGNORECASE)

_SEP_PHONE = re.compile(r"(?<![\w/.,])\+?\(?\d[\d\s().-]{5,20}\d(?:\s*(?i:ext|x)\.?\s*\d{1,5})?(?![\w/%]|\.\d|,\d)")
_PHONE_WORD = re.compile(
    r"(?:phone|ph|tel|telephone|mobile|mob|cell|call|whatsapp|contact|number|no|fax|landline|text)\W{0,3}"
    r"(?:(?:is|on|at|me|us|number|no)\W{1,3}){0,2}$",
    re.IGNORECASE,
)
_NOT_PHONE_AFTER = re.compile(
    r"(?:/(?!\s)|\s*(?:per\b|x\b|×|mg|mcg|ml|iu|units?\b|cells?\b|copies\b|million\b|sperm|platelets?\b|%))",
    re.IGNORECASE,
)
_DATE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|"
    # Spanish, French, German, Italian, Portuguese months (many are shared)
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|"
    r"ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro)"
)
YEAR = r"(?:\d{4}|['’]\d{2})"
DATE = (
    rf"(?:\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}[- ](?:{MONTH})\.?[- ]\d{{2,4}}"
    rf"|\d{{1,2}}\.[ivx]{{1,4}}\.\d{{4}}|(?:19|20)\d{{2}}[01]\d[0-3]\d|\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th|er|º)?\s+(?:of\s+|de\s+)?{MONTH}\.?,?\s+(?:de\s+)?{YEAR}"
    rf"|{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}|{MONTH}\.?,?\s+{YEAR})"
)
_DOB_CUE = re.compile(
    r"\b(?:date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday|born(?:\s+on|\s+in)?|date\s+de\s+naissance|"
    r"fecha\s+de\s+nacimiento|data\s+de\s+nascimento|geburtsdatum|geb\.|n[ée]e?\s+le|nacid[oa]\s+el|"
    r"nato\s+il|nata\s+il|b\.(?=\s*\d))(?:\s+(?:is|was|of|on))?(?:\s+the)?[\s:,(—–-]*",
    re.IGNORECASE,
)
# A birthday without its year: "birthday is the 14th of July".
_BIRTHDAY = re.compile(
    rf"\b(?i:birthday\s+(?:is\s+)?(?:on\s+)?)(?P<date>(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?)",
    re.IGNORECASE,
)
_DATE_RE = re.compile(DATE, re.IGNORECASE)
# "My DOB is 19/12/1985 and his is 07/03/1983": a second date of birth given in the same breath.
_DOB_AGAIN = re.compile(rf"(?<=\[dob\])(?i:\s*(?:and|,)\s+(?:his|hers?|theirs?|mine|my\s+\w+'s)(?:\s+is)?\s+)({DATE})")

# Labels that name an identifier by themselves ("MRN 00482913", "NHS 943 476 5919").
_ID_LABEL = (
    r"(?:mrn|uhid|nhs|chi|medicare|medicaid|ohip|ssn|aadhaa?r|pan|passport|philhealth|iqama|esic|cghs|pmjay|nhia|"
    r"nhis|pps|nid|nin|bvn|sin|phn|ihi|policy|medical\s+record|ref(?:erence)?|fallnummer|social\s+security|"
    r"national\s+id|id|kvnr|nie|dni|curp|codice\s+fiscale|nric|bsn|nhi|nhif|versichertennummer|cart[ãa]o\s+sus|sus|"
    r"cip|tin|nino|ni\s+number|mykad|hkid|emirates\s+id|cnic|ppsn|cpf|rfc|nss|amka|pesel|personnummer|"
    r"social\s+insurance|insurance\s+id|health\s+id|uhid|ip\s+no|op\s+no|cr\s+no|membership|group|ramq|accession)"
)
# Words that need "number", "no.", "ID" or "#" after them: "case 123" or "report 2023" is not an identifier.
_ID_OWNER = (
    r"(?:insurance|member(?:ship)?|hospital|patient|record|case(?:\s+file)?|file|folder|chart|lab(?:\s+report)?|"
    r"report|reg(?:istration)?|ip|op|cr|health\s+card|card|account|claim|sample|accession|path|clinic|centre|center|"
    r"employee|group|bed|admission|registration|test|biopsy|specimen|ticket|booking|appointment)"
)
_NUMBER_WORD = r"(?:number|num|no|id|#|card|ref)"
_RECORD = re.compile(
    rf"\b(?i:(?:{_ID_LABEL}\b\.?(?:\s+{_NUMBER_WORD}\b)*|{_ID_OWNER}\b(?:\s+\w+)?\s+{_NUMBER_WORD}\b(?:\s+{_NUMBER_WORD}\b)*)"
    r"\.?(?:\s+(?:at|in|on|from)(?:\s+\w+){1,2})?"
    r"(?:\s*(?:is|was|of|it's|it\s+is|é|est|es|ist|:|#|-|—|–)\s*)*)\s*"
    r"(?P<id>(?=[A-Z0-9/#\s-]{0,14}\d)[A-Z0-9][A-Z0-9/#-]*(?:\.[A-Z0-9]+)*(?:\s(?=[A-Z]*\d)[A-Z0-9][A-Z0-9-]*){0,4}"
    r"(?:\(\w\))?)(?!\w)",
)
_NUMBER_LABEL = re.compile(
    r"\b(?i:number|no\.|no:|id|#)\s*(?:is\s+)?(?P<id>(?=[A-Z0-9/-]*\d)(?=[A-Z0-9/-]*[A-Z/])[A-Z0-9][A-Z0-9/-]{4,})\b"
)
_RECORD_FORMAT = re.compile(r"\b(?:\d{3}-\d{2}-\d{4}|\d{4}\s\d{4}\s\d{4}|\d{3}\.\d{3}\.\d{3}-\d{2})\b")
# Capitals and digits joined by hyphens or slashes, four digits at least: "LAB-2024-556183", "CHB-4471930",
# "4400219-J"; "COVID-19", "HLA-B27" and "CA-125" have too few digits.
_SHAPED_ID = re.compile(
    r"(?<![\w/-])(?=[A-Z0-9/-]{7,}(?![\w/-]))(?=[A-Z0-9/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})[A-Z0-9]+(?:[-/][A-Z0-9]+)+(?![\w/-])"
)
# An identifier by its shape, label or not: seven or more capitals and digits, four digits at least
# ("X4128875L", "BNCLRA91C45F205X"), five digits at least: a trial drug "PXT3003" or a dose "10000IU" is not one.
_ALNUM_ID = re.compile(r"\b(?=[A-Z0-9]{7,24}\b)(?=(?:[A-Z]*\d){5})(?=\d*[A-Z])[A-Z0-9]+\b")
_DOSE = re.compile(r"^\d+(?:IU|MG|ML|MCG|KG|CM|MM|UL|U|L|G|K|M|X|MIU)$")

_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Close|Way|Place|Pl|Crescent|"
    r"Cres|Terrace|Tce|Square|Sq|Highway|Hwy|Parkway|Pkwy|Row|Gardens|Grove|Hill|Walk|Mews|Nagar|Marg|Salai|"
    r"Colony|Sector|Cross|Main|Caddesi|Sokak|Straße|Strasse|Allee|Weg|Platz|Gasse)"
)
_LEAD = (
    r"(?:(?:Flat|Apt|Apartment|Unit|Suite|House|Plot|Door\s+No\.?|H\.?\s?No\.?|No\.?|Blk|Block|Level)\s*[\w/#-]+,?\s+)*"
)
_STREET_ADDRESS = re.compile(
    rf"{_LEAD}\b\d{{1,5}}[A-Za-z]?(?:[/-]\d{{1,5}}[A-Za-z]?)?,?\s+(?:[{UP}][\w'’.-]*\s+){{0,4}}{_STREET}\b\.?"
    rf"|\b[{UP}][{LOW}]+(?:straße|strasse|allee|weg|platz|gasse)\s+\d{{1,4}}[a-z]?"
    rf"|\b(?:Rue|Calle|Avenida|Av\.|Rua|Via|Viale|Carrer|Calle\s+de)\s+(?:[\w'’-]+\s+){{1,5}}?\d{{1,4}}\b"
    rf"|\b\d{{1,4}},?\s+(?:Rue|Avenue|Boulevard|Bd|Chemin|Place|Allée|Impasse)\s+(?:[\w'’-]+\s+){{0,4}}[\w'’-]+"
)
# US states, Australian states, Canadian provinces: "TX 78704", "VIC 3065", "ON M6S 1A2" (the last by format).
_REGIONS = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|"
    r"OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|VIC|NSW|QLD|TAS|ACT|SA|WA|NT)"
)
_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|"
    # a state and its ZIP after a town ("Austin, TX 78704", "Alice Springs NT 0871"), not "SICK IN 2019"
    rf"(?<=[,a-z]\s){_REGIONS}\s+\d{{4,5}}(?:-\d{{4}})?)\b"
)
_ADDRESS_CUE = re.compile(
    r"\b(?:(?:i|we|they|he|she)\s+(?:live|lives|living|stay|stays|staying|reside|resides|residing)(?:\s+alone)?(?:\s+(?:at|in))?"
    r"|(?:live|lives|living|staying|residing)\s+at|(?:we're|we\s+are|i'm|i\s+am|she's|she\s+is|he's|he\s+is|they're|"
    r"they\s+are|we\s+are\s+living)\s+at|(?:clinic|surgery|rooms|office|practice|centre|center|home)\s+(?:is|are)\s+"
    r"(?:at|located\s+at)|registered\s+at|(?:home\s+|new\s+|old\s+|our\s+|my\s+|the\s+)?address"
    r"(?:\s+for\s+[\w ]{1,25}?)?(?:\s+is)?\s*[:,-]?|update\s+(?:it\s+)?to|(?:post|zip|pin)\s*code\s+is)\s+",
    re.IGNORECASE,
)
_ADDRESS_START = re.compile(rf"\d|[{UP}]|(?i:flat|apt|unit|house|plot|door|no\.?|blk|level|suite|h\.?\s?no)\b")
# Where an address ends: a sentence end (not after "St." or "Brgy."), or a clause that is not part of it.
_ABBREVIATIONS = {
    *[
        "st",
        "av",
        "ave",
        "rd",
        "dr",
        "brgy",
        "dist",
        "col",
        "no",
        "blk",
        "apt",
        "h",
        "mt",
        "ft",
        "bât",
        "bat",
        "int",
        "co",
        "app",
        "apto",
        "str",
        "esc",
        "nr",
        "bldg",
    ],
    *"0123456789",  # "2. Stock", "3. OG": a German floor, not a sentence end
}
_ADDRESS_STOP = re.compile(
    r"[;!?]|\.(?=\s|$)|\s+(?:and|so|but|who|which|where|if|on|is|was|for|with|since|to)\b"
    r"|,?\s*\b(?:tel|ph|phone|mob|mobile|email|e-mail|call|cal|fax|open|opens|who|so|she|he|we|it|and)\b",
    re.IGNORECASE,
)

# "doctor" without a full stop: "Thank you doctor. Mallampati class IV" ends a sentence.
TITLE = (
    r"(?:(?i:mr|mrs|ms|miss|mx|dra|dr|professor|prof|sister|nurse|sr|fr|rev|mallam|alhaji|sri|smt|shri)\.?|(?i:doctor))"
)
_TITLED = re.compile(rf"\b{TITLE}\s+(?P<name>{NAME})")
_GREETINGS = (
    r"hi|hello|hey|dear|hiya|yo|howdy|greetings|morning|evening|afternoon|good\s+(?:morning|afternoon|evening|day)|"
    r"hallo|hola|bonjour|ciao|olá|ola|salaam|salam|namaste|assalamu\s+alaikum"
)
_GREETING = re.compile(rf"(?:^|(?<=[\s.!?]))(?i:{_GREETINGS})[ \t,]+(?P<name>{NAME})\b")
_GREETING_LOWER = re.compile(rf"(?:^|(?<=[\s.!?]))(?i:{_GREETINGS})[\s,]+(?P<name>{LOWER_NAME})\b")
_CLOSING = (
    r"(?:(?:best|kind|warm|warmest|many|with)\s+)?(?:regards|wishes)|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?"
    r"|thanks(?:\s+(?:and|&)\s+regards|\s+again|\s+in\s+advance|\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+so\s+much)?|thanking\s+you"
    r"|cheers|best|take\s+care|blessings|love|warmly|respectfully|saludos|gracias|grazie|merci|danke|obrigad[oa]"
    r"|mit\s+freundlichen\s+grüßen|cordialement|atentamente|un\s+saludo|ta|thanks\s+a\s+million|sent\s+by|from|"
    r"signed|xo|xx|hugs|peace|stay\s+safe|god\s+bless"
)
_SIGN_OFF = re.compile(
    rf"(?:\b(?i:{_CLOSING})\b[\s,.:;!-]*|(?:^|\s)[-–—~]+\s*)(?:{TITLE}\s+)?(?P<name>{NAME})"
    r"(?=\s*(?:[,(][^.!?]{0,60})?[.!]?\s*(?:$|\n))",
)
_INTRO = re.compile(
    rf"\b(?i:my\s+name\s+is|my\s+name|name's|name\s+is|name\s*:|call\s+me|named|called|myself|"
    rf"call\s+(?:him|her|them))\s+(?P<name>{NAME})"
)
# "I'm Indian", "I am British": after these, a name is a known first name, or one followed by a comma,
# an age or "here" ("I'm Thabo, 30", "I am Siew Ling, 36").
_WEAK_INTRO = re.compile(
    rf"\b(?i:i\s+am|i'm|im|i\s+m|this\s+is|it's|it\s+is|patient(?:\s+name)?\s*:?)\s+(?P<name>{NAME})"
)
_INTRO_SIGNED = re.compile(
    rf"\b(?i:i\s+am|i'm|im|i\s+m|this\s+is|he\s+is|she\s+is|he's|she's)\s+(?P<name>{NAME})"
    r"(?=\s*(?:,|\(|\.(?:\s|$)|\bhere\b|\bfrom\b|\d))"
)
_RELATION = re.compile(
    r"\b(?i:(?:(?:my|our|his|her|their|the)\s+)?(?:\w+\s+)?(?:son|daughter|husband|wife|partner|mother|father|mom|mum|dad|"
    r"brother|sister|baby|boy|girl|kid|child|friend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|"
    r"nephew|niece|aunt|uncle|cousin|fiancée?|boyfriend|girlfriend|twins?|gp|doctor|neighbou?r|colleague|"
    r"mother-in-law|father-in-law|sister-in-law|brother-in-law|tito|tita|caregiver|carer|midwife|nurse|physio|"
    r"therapist|dentist|p(?:a)?ediatrician|paed|gyn(?:a)?e(?:cologist)?|gyno|surgeon|consultant|specialist|"
    r"cardiologist|neurologist|endo(?:crinologist)?|oncologist|psychiatrist|psychologist|counsellor|counselor|"
    r"ob-?gyn|health\s+visitor|pharmacist|optician|coach|teacher|dermatologist|urologist|neurosurgeon|"
    r"anaesthetist|anesthetist|radiologist|gastroenterologist|rheumatologist|nephrologist)(?:\s+(?:is|was|named|called))?)"
    rf"\s*[,(]?\s*(?P<name>{NAME})",
)
_NAME_HERE = re.compile(rf"(?:^|[.!?,]\s+)(?P<name>{WORD})\s+here\b")
_RELATION_WORDS = (
    r"son|daughter|husband|wife|partner|mother|father|mom|mum|dad|brother|sister|baby|boy|girl|kid|child|friend|"
    r"grandson|granddaughter|grandmother|grandfather|grandma|grandpa|nephew|niece|aunt|uncle|cousin|fianc[ée]e?|"
    r"boyfriend|girlfriend|twins?|mother-in-law|father-in-law|sister-in-law|brother-in-law|stepson|stepdaughter"
)
# "my son kevin", "my daughter aisha": a lowercase name after a relation, when it is a known first name.
_INTRO_LOWER = re.compile(rf"\b(?i:i\s*'?m|i\s+am|my\s+name\s+is|this\s+is)\s+(?P<name>{LOWER_NAME})\b")
_SIGN_OFF_LOWER = re.compile(rf"(?:^|\s)[-–—~]+\s*(?P<name>{LOWER_NAME})\s*$")
_RELATION_LOWER = re.compile(rf"\b(?i:(?:my|our|his|her)\s+(?:{_RELATION_WORDS}))\s+(?P<name>{LOWER_NAME})\b")
# "Pham Thi Lan (my mother-in-law)", "Jo-Ann, my sister,", "Tanaka Hiroshi (that's my dad"
_NAME_THEN_RELATION = re.compile(
    rf"(?P<name>{NAME})\s*[,(—–-]\s*(?i:(?:that's\s+|who\s+is\s+)?(?:my|our)\s+(?:\w+\s+)?(?:{_RELATION_WORDS}|full\s+name))\b"
    rf"|(?P<name2>{NAME})\s+and\s+I\b"
)
# "Bogdan's mum", "Ji-hoon's dad", "With Oksana's permission": a possessive that only a person has.
_NAME_POSSESSIVE = re.compile(
    rf"(?P<name>{NAME})['’]s\s+(?i:{_RELATION_WORDS}|mum|mom|dad|parents|family|permission|teacher|school|nursery|class|"
    r"birthday|classmates?|carer|behalf)\b"
)
# A name alone after the last sentence: "… is this diabetes? Eilidh".
_LAST_LINE_NAME = re.compile(rf"(?<=[.!?)])\s+(?P<name>{NAME})\s*[.!]?\s*$")
# "Ask Bartholomew", "Posting for Efua", "on behalf of Sipho".
_NAME_ASKED = re.compile(
    rf"\b(?i:ask|text|message|posting\s+for|asking\s+for|writing\s+for|on\s+behalf\s+of)\s+(?P<name>{NAME})"
)
# "Anand said", "Okonjo said my PSA": a capitalised word that speaks, outside a sentence start too.
_NAME_SAID = re.compile(
    rf"(?P<name>{NAME})(?:\s+at\s+the\s+[\w ]{{1,30}}?)?\s+(?i:said|says|told|thinks|recommended|prescribed|advised|"
    r"suggested|wants|reckons)\b"
)
# "Amaka Eze, MBBS", "Aled (GP)": a name with a clinician's credentials.
_NAME_CREDENTIALS = re.compile(
    rf"(?P<name>{NAME})\s*(?:,\s*|\(\s*)(?:MBBS|MD|MRCP|MRCGP|FRCS|FRACGP|FCPS|DNB|DGO|MS|DO|RN|NP|PA|PhD|MSc|BSc|GP|"
    r"consultant|registrar|midwife|nurse)\b"
)
# "Posting for Efua", "ask for Joy", "Text Rafael", "letter to Mrs Adeyemi": only known first names.
_NAME_OBJECT = re.compile(rf"\b(?i:for|ask\s+for|text|message|email|call|with|to)\s+(?P<name>{NAME})")
_NAME_AGE = re.compile(rf"\b(?P<name>{WORD})\s*(?:,\s*|\(\s*)(?:\d{{1,2}}\s*(?:yrs?|years?|y/?o|[mf])?\b)")

# What follows an eponym: "Graves' disease", "Bell's palsy", "Tommy John surgery", "Epstein-Barr virus".
_MEDICAL_NOUN = re.compile(
    r"(?:['’]s?|s['’])?\s+(?:disease|syndrome|palsy|signs?|test|nodule|surgery|procedure|operation|maneuver|"
    r"manoeuvre|score|scale|smear|stain|monitor|catheter|ulcer|o?esophagus|lymphoma|sarcoma|thyroiditis|virus|"
    r"phenomenon|reflex|fracture|classification|criteria|cyst|tumou?r|protocol|tear|law|rule|triad|method|"
    r"technique|repair|block|nodes?|bodies|body|cells?|duct|glands?|tube|canal|space|line|position|splint|hernia|"
    r"dystrophy|ataxia|an(?:a)?emia|chorea|contracture|neuralgia|neuroma|arteritis|encephalopathy|disorder|deformity|"
    r"effect|index|equation|formula|angle|pouch|membrane|lesions?|spots|agar|regimen|diet|incision|flap|shunt|"
    r"valve|stent|graft|pump|clinic|hospital|institute|foundation|guidelines?|coma|toe|elbow|knee|finger|thumb|"
    r"chart|curve|stockings|solution|laws|phase|grade|stage|type|classification|approach|ratio|stool|level|harness|"
    r"card|pill|coil|iud|ius|implant|tablets?|hospital|infirmary|medical|children's)\b",
    re.IGNORECASE,
)

_EPONYM_NOUN = re.compile(
    r"\s+(?:disease|syndrome|palsy|signs?|nodule|surgery|procedure|operation|maneuver|manoeuvre|lymphoma|sarcoma|"
    r"thyroiditis|virus|phenomenon|reflex|fracture|criteria|cyst|tumou?r|protocol|triad|o?esophagus|ulcer|disorder|"
    r"dystrophy|ataxia|chorea|contracture|neuralgia|neuroma|arteritis|encephalopathy|score|scale|smear|stain)\b",
    re.IGNORECASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Never a name, even where a name would stand ("Regards, Team", "Hello Doctor", "Dear Sir").
NOT_NAMES = _words(
    """doctor doc sir madam mam maam dear team admin staff desk support office reception clinic wishes regards
    thanks thank hello hi hey please sorry yes no ok okay patient patients user nurse sister mother father son
    daughter mom mum dad baby god lord jesus allah christ all everyone there friend friends again
    tab cap syrup gel drop drops ointment cream lotion spray dose january february march april june july
    august september october november december monday tuesday wednesday thursday friday saturday sunday new old
    our we she he they his her him them it its this that these those here what when where why how who which any
    some each every both few many much more most other such only own same so than too very just also well still
    even ever never always often sometimes usually dr mr mrs ms miss prof about after before between during from
    into over under with without within upon across against along among around behind below beside beyond near
    off since through toward until up down out if else then because while although though unless whether nor yet
    either neither not is are was were be been being have has had do does did i me you your yours us let lets get
    got give gave go went take took make made see saw know knew think thought tell told say said ask asked feel
    felt keep kept seem seemed try tried need needed want wanted use used look looked come came find found the a
    an and or but my can wash red long constant early jan west echo asia minor boston mayo allegra telma
    christian islam hindu muslim sikh jewish catholic practice surgery hospital centre center unit ward
    department royal first floor per type aged age stage grade class level size weight height cheers xoxo thx
    male female endo neuro cardio gyno ortho derm psych rheum
    uro xanax valium zoloft prozac lexapro anyone anybody someone everybody help urgent asap ramadan diwali eid
    easter christmas one two three"""
)
# First names that are also everyday words: names only where the context says so (a title, a greeting, a
# sign-off, "my son …"), never from the list of first names alone.
EVERYDAY_NAMES = _words(
    """hope will may grace mark rose bell faith joy sandy dawn amber ruby pat bill frank ray gene max chase wade
    grant porter precious blessing mercy sunny lily iris summer sage rich guy don jack major king queen page love
    star angel hunter chance cash sky rain river lake storm crystal pearl honey candy ginger olive ivy hazel
    heather holly daisy violet jade coral fern willow autumn winter day north south east justice liberty charity
    patience destiny trinity harmony melody happy lucky golden silver best good sharp strong short small little
    late free fair noble sweet warm wise paris london china india georgia virginia carolina florida jordan kenya
    israel sydney york lincoln washington dakota sierra kent jersey green young baker yasmin mirena ella diane
    apollo allegra"""
)
# Surnames that name diseases, signs and tests: "has Alzheimer's", "Parkinson's".
EPONYMS = _words(
    """alzheimer parkinson crohn graves hashimoto addison cushing meniere ménière raynaud sjögren sjogren hodgkin
    huntington asperger tourette paget wilson down barrett kawasaki gehrig peyronie dupuytren bright buerger
    behçet behcet kaposi wernicke korsakoff guillain barré barre munchausen reye osgood schlatter perthes legg
    scheuermann marfan ehlers danlos turner klinefelter gaucher fabry pompe hirschsprung meckel whipple zollinger
    ellison conn hurler duchenne becker charcot creutzfeldt jakob stevens johnson still sever ewing wilms burkitt
    epstein barr mallory weiss bartholin reiter takayasu horner erb klumpke colles heberden bouchard morton
    tietze kienböck freiberg köhler achilles apgar gram pap holter foley heimlich valsalva babinski glasgow
    bruce murphy gilbert baker braxton hicks bristol clark mallampati pavlik guthrie rome ehlers-danlos"""
)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names of Faker's 80-odd locales, minus those that are everyday words here."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except ImportError:
            continue
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attribute)
            if isinstance(value, list | tuple | set | dict):
                names.update(name for name in value if len(name) > 2 and name.isalpha())
    never = NOT_NAMES | EVERYDAY_NAMES | EPONYMS
    return frozenset(n for n in names if n.lower() not in never)


def _is_common(word: str) -> bool:
    return word.lower() in NOT_NAMES


_DOSE_AFTER = r"\s*\d+(?:[.,]\d+)?\s*(?i:mg|mcg|µg|ml|g|iu|units?|%|puffs?|tabs?)\b"

# Words with these endings are medical, not names: "Cardiologist said", "Angiogram showed".
_MEDICAL_ENDING = re.compile(
    r"(?i).*(?:ologists?|iatrician|ogram|ography|itis|ectomy|oscopy|otomy|plasty|aemia|emia|pathy|algia|cillin|mycin|"
    r"prazole|statin|sartan|pril|olol|dipine|mab|nib|azole|tidine|triptan|floxacin|cycline|plasia|alasia|osis|uria)$"
)


def _real_name(name: str) -> tuple[int, int] | None:
    """Where the name is in `name` without leading everyday words ("Doctor", "Thanks"), as offsets (a
    line break may separate its words); None when nothing is left."""
    tokens = list(re.finditer(r"\S+", name))
    if any(_MEDICAL_ENDING.match(token.group(0)) for token in tokens):
        return None
    while tokens and (tokens[0].group(0).lower().rstrip(".") in _LEADING or _HOLE.fullmatch(tokens[0].group(0))):
        tokens.pop(0)
    while tokens and tokens[-1].group(0).lower().rstrip(".") in _TRAILING:
        tokens.pop()
    # Any other everyday word left means it was not a name: "First Aid Team", "Does Mirena".
    if not tokens or any(_is_common(token.group(0).rstrip(".")) for token in tokens):
        return None
    return tokens[0].start(), tokens[-1].end()


# Words that may stand before or after a name in a greeting or sign-off ("Thanks Doctor Anil Rao, MD").
_LEADING = _words("doctor dr mr mrs ms miss prof thanks thank regards hello hi hey dear sir madam the and")
_TRAILING = _words("here and the")


class _Scrubber:
    def __init__(self, text: str):
        self.text = text
        self.counts: Counter = Counter()
        self.names: set[str] = set()

    def replace(
        self, pattern: re.Pattern, kind: str, accept: Callable[[re.Match], tuple[int, int] | None] | None = None
    ):
        """Replace each match (or the span `accept` returns for it; None keeps the match)."""
        out, last = [], 0
        for match in pattern.finditer(self.text):
            span = accept(match) if accept else match.span()
            if span is None or span[0] < last:
                continue
            out += [self.text[last : span[0]], PLACEHOLDER[kind]]
            last = span[1]
            self.counts[kind] += 1
        out.append(self.text[last:])
        self.text = "".join(out)

    def lower_name(self, match: re.Match) -> tuple[int, int] | None:
        """A lowercase name ("my son kevin"): only a known first name that is not an everyday word."""
        word = match.group("name")
        if word.capitalize() not in first_names():
            return None
        self.names.add(word)
        return match.span("name")

    def name_group(self, match: re.Match, trusted: bool = True) -> tuple[int, int] | None:
        group = "name" if match.groupdict().get("name") is not None else "name2"
        raw = match.group(group)
        found = _real_name(raw)
        name = raw[found[0] : found[1]] if found else None
        offset = found[0] if found else 0
        if name is None or (not trusted and name.split()[0] not in first_names()):
            return None
        # A disease's name where a name could stand ("Hi, Ehlers-Danlos type"), unless a title or a
        # sign-off vouches for it ("Regards, Dr. Aidan Murphy").
        if (not trusted or match.re is _GREETING) and any(w.lower() in EPONYMS for w in name.split()):
            return None
        if match.re is _LAST_LINE_NAME and name.lower() in EVERYDAY_NAMES:
            return None  # "… any advice? Will", more likely a word than a signature
        begin = match.start(group) + offset
        if (
            name.lower() in EVERYDAY_NAMES
            and re.search(r"(?:^|[.!?,])\s*$", self.text[:begin])
            and re.match(r"\s+(?:[a-z]|I\b)", self.text[begin + len(name) :])
        ):
            return None  # "Hello Doctor, May I take…", "Hi, Will my son's…": a word opening a sentence
        after = self.text[match.start(group) + offset + len(name) :]
        if re.match(r"-\d" if trusted else r"\s*-?\d", after) or re.match(_DOSE_AFTER, after):
            return None  # a product: "Diane-35", "Allegra 120", "my wife Crestor 10 mg"
        # An eponym: "Graves' disease", "Hashimoto's thyroiditis", "Tommy John surgery", "Graves Disease".
        # In a trusted context a possessive is a person's ("my son Jake's test"), unless the word is a
        # known eponym; a medical noun right after the name still makes it one ("Sister Mary Joseph nodule").
        for word in re.finditer(r"[^\s'’]+", raw):
            after = match.start(group) + word.end()
            if _MEDICAL_NOUN.match(self.text, after) and (
                not trusted or word.group(0).lower() in EPONYMS or _EPONYM_NOUN.match(self.text, after)
            ):
                return None
        start = match.start(group) + offset
        # Removed wherever else they appear, except words that are everyday ones too ("Grace", "Grant").
        self.names.update(w for w in name.split() if len(w) > 2 and w.lower() not in NOT_NAMES | EVERYDAY_NAMES)
        return start, start + len(name)


def _phone(scrubber: _Scrubber, match: re.Match) -> tuple[int, int] | None:
    candidate = match.group(0).strip()
    start = match.start() + match.group(0).index(candidate)
    digits = sum(ch.isdigit() for ch in candidate)
    if _DATE.match(candidate) or re.search(r"\d\.\d", candidate) and " " in candidate:
        return None  # 12.05.2019, or a list of decimals
    if _NOT_PHONE_AFTER.match(scrubber.text, match.end()):
        return None  # 20000000/ml, 1500 mg
    cued = _PHONE_WORD.search(scrubber.text[max(0, start - 30) : start]) is not None
    separated = bool(re.search(r"[\s().-]", candidate)) or candidate.startswith(("+", "0"))
    if 8 <= digits <= 15 and (separated or cued) or 7 <= digits <= 15 and cued:
        return start, start + len(candidate)
    return None


def _obfuscated_email(match: re.Match) -> tuple[int, int] | None:
    # Only when "at" and "dot" were both spelt out or bracketed: "meet me at home." is not an address.
    value = match.group(0)
    at_spelt = re.search(r"[(\[{]\s*at\b", value, re.IGNORECASE)
    at_plain = re.search(r"\sat\s", value, re.IGNORECASE)
    dot_spelt = re.search(r"[(\[{]\s*dot\b|\sdot\s|\s\.\s", value, re.IGNORECASE)
    # "uploaded at drive.google.com" is prose about a link: a plain "at" needs a spelt-out "dot".
    spelt = dot_spelt or (at_spelt and not at_plain) or ("@" in value and not at_plain)
    return match.span() if spelt else None


def _url(match: re.Match) -> tuple[int, int] | None:
    value = match.group(0)
    if value.lower().startswith(("http", "www.")) or "/" in value or _BARE_OK.match(value):
        return match.span()
    return None


def _address_after_cue(scrubber: _Scrubber, match: re.Match) -> tuple[int, int] | None:
    start = match.end()
    if not _ADDRESS_START.match(scrubber.text, start):
        return None
    end = len(scrubber.text)
    for stop in _ADDRESS_STOP.finditer(scrubber.text, start):
        before = scrubber.text[: stop.start()].rsplit(None, 1)
        if stop.group(0) == "." and before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
            continue
        end = stop.start()
        break
    span = scrubber.text[start:end]
    if not re.search(r"\d", span) and not re.search(rf"\b{_STREET}\b", span) and span.count(",") < 2:
        return None  # "we are at home", "is at risk of", "I'm at work"
    return start, end


def _address_extent(scrubber: _Scrubber, match: re.Match) -> tuple[int, int] | None:
    """A street address, extended over the ", Town", ", State", postcode parts after it."""
    end = match.end()
    tail = re.compile(
        rf",?\s+(?:[{UP}][\w'’.-]*|\d{{3,6}}|[A-Z]{{2,3}}\s*\d{{3,5}})(?:\s+(?:[{UP}][\w'’.-]*|\d{{3,6}}))*"
    )
    for _ in range(4):
        more = tail.match(scrubber.text, end)
        if not more or _ADDRESS_STOP.match(scrubber.text, end):
            break
        end = more.end()
    return match.start(), end


# Postcodes that say "address" by themselves, and weaker ones (a town with four to six digits) that
# count only with a house number before them in the same sentence.
_STRONG_ANCHOR = re.compile(
    r"\b(?:P\.?\s?O\.?\s+Box|PO\s+Box|RR\s+\d+\s+Box)\s+[\d-]+"
    r"|\b\d{5}-\d{3}\b"  # Brazil
    r"|\b[AC-FHKNPRTV-Y]\d{2}\s?(?=[A-Z\d]{4}\b)(?=[A-Z\d]*\d)(?=[A-Z\d]*[A-Z])[A-Z\d]{4}\b"  # Ireland
    r"|\b\d{4}\s?[A-Z]{2}\s+[A-Z][a-z]+"  # the Netherlands
    rf"|\b\d{{2}}-\d{{3}}\s+[{UP}][{LOW}]+"  # Poland
    rf"|(?<=[{UP}][{LOW}]{{2}}\s)\d{{3}}-\d{{4}}\b(?![-\d])"  # Japan, after the town: "Tokyo 160-0023"
)
_WEAK_ANCHOR = re.compile(
    rf"\b\d{{4,5}}\s+[{UP}][{LOW}]+(?:\s+(?:{PARTICLE}\s+)?[{UP}][{LOW}]+){{0,2}}"  # 69001 Lyon, 03940 Ciudad de México
    rf"|\b[{UP}][{LOW}]+(?:\s+[{UP}][{LOW}]+)?\s*-?\s*\d{{4,6}}\b(?!\s*(?:mg|ml|mcg|iu|units|cases|steps|kcal))"
)
# A part with a house number: "18 rue des Capucins", "Lindenstraße 42", "No. 17", "Flat 2/1", "#38".
_STREET_WORD = (
    r"(?i:\w*(?:stra(?:ß|ss)e|str\.|straat|weg|allee|platz|gasse)|via|viale|calle|carrer|c/|rua|rue|av\.?|avenida|"
    r"avenue|jalan|jl\.?|gali|ul\.?|ulica|street|st\.?|road|rd\.?|lane|drive|close|crescent|way|hwy|highway|marg|salai|"
    r"nagar|cross|main)"
)
_FLOOR_WORD = r"(?i:étage|etage|floor|fl|piso|stock|og|izq|dcha|der|scala|escalier|int|apto|app|apt|andar|lantai|flat)"
_ORDINAL = r"(?:st|nd|rd|th|er|e|º|ª)?"
_NUMBERED = re.compile(
    rf"^(?:(?:[{UP}]\S*|(?i:no\.?|#))\s+){{0,2}}#?\d{{1,5}}{_ORDINAL}[A-Za-z]?\.?(?:[/-]\w+)*"
    rf"(?:\s+(?:[{UP}]|{PARTICLE}\b|{_STREET_WORD}\b|{_FLOOR_WORD}\b|\d{{1,3}}{_ORDINAL}\b)\S*(?:\s+\S+){{0,5}})?$"
    rf"|^(?=.*\b{_STREET_WORD}(?:\s|$))(?:\S+\s+){{1,5}}\d{{1,5}}[A-Za-z]?(?:[/-][\dA-Za-z]+)?$"
    r"|^(?=.*[A-Za-z-])(?:[A-Za-z.]+\s*)?[A-Z]?-?\d{1,5}(?:[-/][\dA-Za-z]+)*$"  # A-15-3, B-1204, H.No. 12-2-417/B
)
_SEGMENT_OK = re.compile(
    # Pieces separated by spaces (a piece that may be empty between them made this exponential).
    rf"^(?:(?:(?:{PARTICLE}|[{UP}#][\w'’.()/-]*+)(?:\s+|$)){{1,6}}"
    r"|(?i:(?:flat|apt|unit|house|no|road|street|rue|via|calle|av|avenida|jalan|blk|block|level|floor|tower|sector|"
    r"phase|col|colonia|int|escalier|bât|bat|scala|apto|app|suite|building|villa|plot|door)\b.*))$"
)
_SEGMENT_CUE = re.compile(
    r"(?:(?<![\w-])(?:at|to|is|in|en|à|a|na|near|live|lives|address|addr|me|At|To|In|Near|Address)(?![\w-])|:|—|–)\s*"
)


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


@lru_cache(maxsize=8)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Where each sentence begins (not after "St." or "Brgy."), once per text, not once per postcode."""
    starts = [0]
    for end in _SENTENCE_END.finditer(text):
        word = text[max(0, end.start() - 12) : end.start()].rsplit(None, 1)
        if word and word[-1].lower().rstrip(".") in _ABBREVIATIONS:
            continue
        starts.append(end.end())
    return tuple(starts)


def _sentence_start(text: str, position: int) -> int:
    starts = _sentence_starts(text)
    return starts[bisect.bisect_right(starts, position) - 1]


def _address_around(scrubber: _Scrubber, match: re.Match, strong: bool) -> tuple[int, int] | None:
    """An address found by its postcode: taken back over the comma-separated parts before it in the
    same sentence (house number, street, district) and on over a region after it."""
    text = scrubber.text
    begin = match.start()
    floor = _sentence_start(text, begin)
    parts = re.split(r"(,\s*|\s+-\s+)", text[floor:begin])
    start = begin
    numbered = False
    for index in range(len(parts) - 1, -1, -2):
        part = parts[index]
        stripped = part.strip()
        if not stripped:
            start = floor + sum(len(p) for p in parts[:index])
            continue
        ok = _NUMBERED.match(stripped) or _SEGMENT_OK.match(stripped) or stripped == PLACEHOLDER["address"]
        if ok and not _SEGMENT_CUE.search(stripped):
            start = floor + sum(len(p) for p in parts[:index]) + (len(part) - len(part.lstrip()))
            numbered = numbered or bool(_NUMBERED.match(stripped))
            continue
        cues = list(_SEGMENT_CUE.finditer(part))
        tail = part[cues[-1].end() :] if cues else ""
        if tail.strip() and (_NUMBERED.match(tail.strip()) or _SEGMENT_OK.match(tail.strip())):
            start = floor + sum(len(p) for p in parts[:index]) + cues[-1].end()
            numbered = numbered or bool(_NUMBERED.match(tail.strip()))
        break
    if not strong and not numbered:
        return None  # "Type 2000", "Since 2019": a number after a word is not an address by itself
    end = match.end()
    region = re.compile(r"(?:\s+(?:[A-Z]{2,3}\b|\([^)]{2,20}\)))*(?:,?\s+[A-Z]\d[A-Z]\s?\d[A-Z]\d\b)?")
    end = region.match(text, end).end()
    # One more ", Town" or ", State" after it: "P.O. Box 3318-00200, Nairobi", "Guadalajara, Jal."
    town = re.compile(rf",\s*[{UP}][\w.'’-]*(?:\s+[{UP}][\w.'’-]*){{0,2}}(?=\s*(?:[.,;:)]|$)|\s+[a-z])")
    more = town.match(text, end)
    if more and not re.search(r"\d", more.group(0)):
        end = more.end()
    return start, end


def _dob(scrubber: _Scrubber, match: re.Match) -> tuple[int, int] | None:
    date = _DATE_RE.match(scrubber.text, match.end())
    return date.span() if date else None


def _record(match: re.Match) -> tuple[int, int] | None:
    value = match.group("id")
    if re.match(r"\s*(?i:mg|ml|mmol|mcg|iu|units?|%|/|kg|cm|mm)\b", match.string[match.end("id") :]):
        return None  # "report: FBS 156 mg/dl" is a result, not an identifier
    if sum(ch.isdigit() for ch in value) < 3 or re.fullmatch(
        r"\d{1,3}(?:[./]\d+)?|(?:19|20)\d\d|[A-Z]\d{2}\.\d{1,4}", value
    ):
        return None  # "report 2023", "file 12": a year or a small number, not an identifier
    return match.span("id")


def scrub_pii(text: str) -> tuple[str, Counter]:
    """Replace personal data with placeholders ([name], [dob], …); count each kind found."""
    s = _Scrubber(text)
    s.replace(EMAIL, "email")
    s.replace(URL, "url", _url)
    s.replace(OBFUSCATED_EMAIL, "email", _obfuscated_email)
    s.replace(_DOB_CUE, "dob", lambda m: _dob(s, m))
    s.replace(_DOB_AGAIN, "dob", lambda m: m.span(1))
    s.replace(_BIRTHDAY, "dob", lambda m: m.span("date"))
    s.replace(_RECORD, "record", _record)
    s.replace(_NUMBER_LABEL, "record", lambda m: m.span("id"))
    s.replace(_RECORD_FORMAT, "record")
    s.replace(_ALNUM_ID, "record", lambda m: None if _DOSE.match(m.group(0)) else m.span())
    s.replace(_SHAPED_ID, "record", lambda m: None if _DATE.match(m.group(0)) else m.span())
    # Postcodes first, taken back over the street before them; then cues and street names for the rest.
    s.replace(_STRONG_ANCHOR, "address", lambda m: _address_around(s, m, strong=True))
    s.replace(_POSTCODE, "address", lambda m: _address_around(s, m, strong=True))
    s.replace(_WEAK_ANCHOR, "address", lambda m: _address_around(s, m, strong=False))
    s.replace(_ADDRESS_CUE, "address", lambda m: _address_after_cue(s, m))
    s.replace(_STREET_ADDRESS, "address", lambda m: _address_extent(s, m))
    s.replace(_SEP_PHONE, "phone", lambda m: _phone(s, m))
    for pattern in (
        _TITLED,
        _GREETING,
        _SIGN_OFF,
        _INTRO,
        _INTRO_SIGNED,
        _RELATION,
        _NAME_HERE,
        _NAME_THEN_RELATION,
        _NAME_SAID,
        _NAME_CREDENTIALS,
        _NAME_POSSESSIVE,
        _NAME_ASKED,
        _LAST_LINE_NAME,
    ):
        s.replace(pattern, "name", s.name_group)
    for pattern in (_RELATION_LOWER, _GREETING_LOWER, _INTRO_LOWER, _SIGN_OFF_LOWER):
        s.replace(pattern, "name", s.lower_name)
    for pattern in (_WEAK_INTRO, _NAME_AGE, _NAME_OBJECT):
        s.replace(pattern, "name", lambda m: s.name_group(m, trusted=False))
    s.replace(re.compile(rf"(?<![\w\[])(?P<name>{NAME})"), "name", lambda m: s.name_group(m, trusted=False))
    if s.names:  # a name found once is removed wherever it appears
        s.replace(re.compile(r"(?<![\w\[])(?:" + "|".join(map(re.escape, sorted(s.names))) + r")(?![\w\]])"), "name")
    return s.text, s.counts
