//! Every string of the interface, in Finnish, Swedish and English.
//!
//! Placeholders are `{0}`, `{1}` …; a test checks that the three languages of a string use the same ones.
//! Ids, keys and values the user wrote are shown in backticks, so that they stand apart from the prose.

use super::Tr;

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident = ($fi:literal, $sv:literal, $en:literal);)*) => {
        $($(#[$doc])* pub const $name: Tr = Tr { fi: $fi, sv: $sv, en: $en };)*
        /// Every message with its name, for the completeness tests.
        #[cfg(test)]
        pub const ALL: &[(&str, Tr)] = &[$((stringify!($name), $name)),*];
    };
}

messages! {
    // Severity words and shared phrases.
    ERROR = ("virhe", "fel", "error");
    WARNING = ("varoitus", "varning", "warning");
    DID_YOU_MEAN = ("tarkoititko `{0}`?", "menade du `{0}`?", "did you mean `{0}`?");
    UNKNOWN_KEY = ("tuntematon avain `{0}`", "okänd nyckel `{0}`", "unknown key `{0}`");
    FIRST_DEFINED_AT = ("määritelty ensin kohdassa {0}", "definierad först på {0}", "first defined at {0}");
    WORD_QUESTIONNAIRE = ("kyselyn", "enkäten", "questionnaire");
    WORD_THEME = ("teeman", "temat", "theme");
    WORD_QUESTION = ("kysymyksen", "frågan", "question");
    WORD_OPTION = ("vaihtoehdon", "alternativet", "option");

    // Questionnaire validation.
    /// A questionnaire's TOML syntax error and a value of the wrong shape; the parser's words follow on a
    /// cause line.
    Q_TOML_SYNTAX = ("TOML-syntaksivirhe", "syntaxfel i TOML", "TOML syntax error");
    Q_INVALID_VALUE = (
        "arvo on väärää tyyppiä tai muotoa",
        "värdet har fel typ eller form",
        "the value has the wrong type or shape"
    );
    Q_MISSING_SECTION = ("osio `{0}` puuttuu", "avsnittet `{0}` saknas", "the `{0}` section is missing");
    Q_NOT_ARRAY_OF_TABLES = (
        "`{0}` on kirjoitettava taulukkolistana `[[{0}]]`",
        "`{0}` ska skrivas som en tabellista `[[{0}]]`",
        "`{0}` must be an array of tables, `[[{0}]]`"
    );
    Q_INVALID_ID = (
        "{0} tunnus `{1}` ei kelpaa: käytä kirjaimia a–z, numeroita sekä merkkejä `_`, `-` ja `.`",
        "id `{1}` för {0} är ogiltigt: använd bokstäverna a–z, siffror och tecknen `_`, `-` och `.`",
        "{0} id `{1}` is not valid: use letters a–z, digits, `_`, `-` and `.`"
    );
    Q_DUPLICATE_ID = ("{0} tunnus `{1}` toistuu", "id `{1}` för {0} förekommer två gånger", "duplicate {0} id `{1}`");
    Q_UNKNOWN_THEME = (
        "kysymyksen `{0}` teemaa `{1}` ei ole määritelty",
        "temat `{1}` för frågan `{0}` finns inte",
        "question `{0}` refers to theme `{1}`, which does not exist"
    );
    Q_ID_WITHOUT_PREFIX = (
        "kysymyksen tunnuksen `{0}` pitäisi alkaa teemansa tunnuksella `{1}.`",
        "frågans id `{0}` borde börja med temats id `{1}.`",
        "question id `{0}` should start with its theme's id `{1}.`"
    );
    Q_EMPTY_VERSION = ("kyselyn versio puuttuu", "enkätens version saknas", "the questionnaire's version is empty");
    Q_VERSION_NOT_SEMVER = (
        "versio `{0}` ei ole muotoa MAJOR.MINOR.PATCH (esim. 1.0.0)",
        "versionen `{0}` har inte formen MAJOR.MINOR.PATCH (t.ex. 1.0.0)",
        "version `{0}` is not of the form MAJOR.MINOR.PATCH (e.g. 1.0.0)"
    );
    Q_NO_LANGUAGES = ("`languages` on tyhjä: luettele ainakin yksi kieli", "`languages` är tom: ange minst ett språk", "`languages` is empty: list at least one language");
    Q_DUPLICATE_LANGUAGE = ("kieli `{0}` on luettelossa kahdesti", "språket `{0}` finns två gånger i listan", "language `{0}` is listed twice");
    Q_SCALE_TOO_SMALL = ("asteikon `max` on oltava vähintään 1", "skalans `max` måste vara minst 1", "the scale's `max` must be at least 1");
    Q_SCALE_LABEL_COUNT = (
        "asteikolla on oltava max + 1 = {0} nimeä, nyt {1}",
        "skalan ska ha max + 1 = {0} benämningar, nu {1}",
        "the scale needs max + 1 = {0} labels, found {1}"
    );
    Q_NO_BANDS = ("tasoja (`[[band]]`) ei ole määritelty", "inga nivåer (`[[band]]`) har definierats", "no bands (`[[band]]`) are defined");
    Q_BANDS_NOT_FROM_ZERO = ("ensimmäisen tason `min` on oltava 0, nyt {0}", "den första nivåns `min` ska vara 0, nu {0}", "the first band's `min` must be 0, found {0}");
    Q_BANDS_NOT_ASCENDING = (
        "tasojen on oltava nousevassa järjestyksessä: `min` {0} ei ole suurempi kuin edellinen {1}",
        "nivåerna ska vara i stigande ordning: `min` {0} är inte större än föregående {1}",
        "bands must ascend: `min` {0} is not above the previous {1}"
    );
    Q_BAND_ABOVE_100 = ("tason `min` {0} on yli 100, eikä mikään pistemäärä yllä siihen", "nivåns `min` {0} är över 100 och kan aldrig nås", "band `min` {0} is above 100 and can never be reached");
    Q_NON_POSITIVE_WEIGHT = (
        "{0} `{1}` paino {2} ei kelpaa: painon on oltava suurempi kuin 0",
        "vikten {2} för {0} `{1}` är ogiltig: vikten måste vara större än 0",
        "{0} `{1}` has weight {2}: weights must be greater than 0"
    );
    Q_LEVEL_COUNT = (
        "tasokysymyksellä `{0}` on oltava {1} tasokuvausta (`levels`, max + 1), nyt {2}",
        "nivåfrågan `{0}` ska ha {1} nivåbeskrivningar (`levels`, max + 1), nu {2}",
        "level question `{0}` needs {1} `levels` (max + 1), found {2}"
    );
    Q_NEXT_STEP_COUNT = (
        "tasokysymyksellä `{0}` on oltava {1} seuraavaa askelta (`next_steps`, max), nyt {2}",
        "nivåfrågan `{0}` ska ha {1} nästa steg (`next_steps`, max), nu {2}",
        "level question `{0}` needs {1} `next_steps` (max), found {2}"
    );
    Q_DUPLICATE_LEVEL_TEXT = (
        "kysymyksen `{0}` taso {1} on kuvattu samoin kuin taso {2}",
        "nivå {1} i frågan `{0}` har samma beskrivning som nivå {2}",
        "level {1} of question `{0}` has the same description as level {2}"
    );
    Q_NO_OPTIONS = ("kysymyksellä `{0}` ei ole vaihtoehtoja (`[[question.option]]`)", "frågan `{0}` har inga alternativ (`[[question.option]]`)", "question `{0}` has no options (`[[question.option]]`)");
    Q_RESERVED_OPTION_ID = (
        "kysymyksen `{0}` vaihtoehdon tunnus `{1}` on varattu (na = ei koske, dk = en osaa sanoa)",
        "alternativet `{1}` i frågan `{0}` använder ett reserverat id (na = ej aktuellt, dk = vet ej)",
        "option id `{1}` of question `{0}` is reserved (na = not applicable, dk = don't know)"
    );
    Q_NEGATIVE_POINTS = (
        "kysymyksen `{0}` vaihtoehdon `{1}` pisteet {2} eivät kelpaa: pisteiden on oltava 0 tai enemmän",
        "poängen {2} för alternativet `{1}` i frågan `{0}` är ogiltig: poängen ska vara 0 eller mer",
        "option `{1}` of question `{0}` has points {2}: points must be 0 or more"
    );
    Q_NO_POSITIVE_POINTS = (
        "kysymyksen `{0}` yhdelläkään vaihtoehdolla ei ole pisteitä, joten sitä ei voi pisteyttää",
        "inget alternativ i frågan `{0}` ger poäng, så frågan kan inte poängsättas",
        "no option of question `{0}` has points above 0, so it cannot be scored"
    );
    Q_NON_POSITIVE_MAX_POINTS = ("kysymyksen `{0}` `max_points` {1} ei kelpaa: arvon on oltava suurempi kuin 0", "`max_points` {1} i frågan `{0}` är ogiltigt: värdet måste vara större än 0", "question `{0}` has `max_points` {1}: it must be greater than 0");
    Q_NUMBER_RANGE = ("kysymyksen `{0}` `min` {1} on suurempi kuin `max` {2}", "`min` {1} i frågan `{0}` är större än `max` {2}", "question `{0}` has `min` {1} above `max` {2}");
    Q_NO_SCORE_BANDS = ("lukukysymyksellä `{0}` ei ole pistevälejä (`[[question.score_band]]`)", "talfrågan `{0}` saknar poängintervall (`[[question.score_band]]`)", "number question `{0}` has no score bands (`[[question.score_band]]`)");
    Q_SCORE_BAND_OUT_OF_RANGE = ("kysymyksen `{0}` pistevälin `score` {1} ei ole välillä 0–1", "`score` {1} i frågan `{0}` ligger inte mellan 0 och 1", "score band of question `{0}` has `score` {1}, outside 0..1");
    Q_SCORE_BANDS_NOT_ASCENDING = (
        "kysymyksen `{0}` pistevälien on oltava nousevassa järjestyksessä: `min` {1} ei ole suurempi kuin edellinen {2}",
        "poängintervallen i frågan `{0}` ska vara i stigande ordning: `min` {1} är inte större än föregående {2}",
        "score bands of question `{0}` must ascend: `min` {1} is not above the previous {2}"
    );
    Q_KEY_NOT_FOR_KIND = (
        "avain `{0}` ei kuulu kysymykselle `{1}`, jonka laji on `{2}`",
        "nyckeln `{0}` hör inte till frågan `{1}` av typen `{2}`",
        "key `{0}` is not used by question `{1}` of kind `{2}`"
    );
    Q_MIL_OUTSIDE_MIL_THEME = (
        "kysymyksellä `{0}` on `mil`, mutta sen teemalla `{1}` ei ole `mil = true`",
        "frågan `{0}` har `mil`, men dess tema `{1}` har inte `mil = true`",
        "question `{0}` has `mil`, but its theme `{1}` does not set `mil = true`"
    );
    Q_MIL_OUT_OF_RANGE = ("kysymyksen `{0}` `mil` {1} ei kelpaa: sallitut arvot ovat 1, 2 ja 3", "`mil` {1} i frågan `{0}` är ogiltigt: tillåtna värden är 1, 2 och 3", "question `{0}` has `mil` {1}: it must be 1, 2 or 3");
    Q_MISSING_MIL = (
        "kysymykseltä `{0}` puuttuu `mil` (1–3), vaikka sen teema laskee kypsyystason",
        "frågan `{0}` saknar `mil` (1–3), fast dess tema räknar ut en mognadsnivå",
        "question `{0}` lacks `mil` (1–3), but its theme computes a maturity indicator level"
    );
    Q_MISSING_TEXT = ("teksti puuttuu kielellä `{0}`", "texten saknas på språket `{0}`", "text missing in language `{0}`");
    Q_UNLISTED_LANGUAGE = (
        "teksti kielellä `{0}`, jota ei ole kyselyn `languages`-luettelossa",
        "text på språket `{0}`, som inte finns i enkätens `languages`",
        "text in language `{0}`, which is not in the questionnaire's `languages`"
    );
    Q_THEME_WITHOUT_SCORED = (
        "teemassa `{0}` ei ole yhtään pisteytettävää kysymystä, joten sille ei lasketa pisteitä",
        "temat `{0}` har ingen fråga som poängsätts, så det får inga poäng",
        "theme `{0}` has no scored question, so it never gets a score"
    );
    Q_NO_SCORED_QUESTIONS = ("kyselyssä ei ole yhtään pisteytettävää kysymystä", "enkäten har ingen fråga som poängsätts", "the questionnaire has no scored question");

    // Reading files.
    READ_NOT_FOUND = ("tiedostoa `{0}` ei ole", "filen `{0}` finns inte", "`{0}`: no such file");
    READ_IS_DIRECTORY = ("`{0}` on kansio eikä tiedosto", "`{0}` är en mapp, inte en fil", "`{0}` is a directory, not a file");
    B_ROW_TOO_LONG = (
        "{0}:{1}: riviä ei lueta, koska se on yli {2} MiB pitkä; tarkista, onko jokin lainausmerkki jäänyt sulkematta",
        "{0}:{1}: raden läses inte eftersom den är längre än {2} MiB; kontrollera om ett citattecken har lämnats öppet",
        "{0}:{1}: the row is not read, as it is longer than {2} MiB; check for a quote left unclosed"
    );
    B_CELL_TOO_LONG = (
        "{0}:{1}: riviä ei lueta, koska siinä on yli {2} MiB pitkä solu; tarkista, onko jokin lainausmerkki jäänyt sulkematta",
        "{0}:{1}: raden läses inte eftersom en av dess celler är längre än {2} MiB; kontrollera om ett citattecken har lämnats öppet",
        "{0}:{1}: the row is not read, as one of its cells is longer than {2} MiB; check for a quote left unclosed"
    );
    B_ROW_TOO_LONG_QUOTE = (
        "{0}:{1}:{2}: tähän avattua lainausmerkkiä ei suljeta {3} MiB:n kuluessa, joten se nielee loput tiedostosta; sulje lainaus ja pisteytä tiedosto uudelleen",
        "{0}:{1}:{2}: citattecknet som öppnas här stängs inte inom {3} MiB och slukar därför resten av filen; stäng citatet och poängsätt filen igen",
        "{0}:{1}:{2}: the quote opened here is not closed within {3} MiB, so it swallows the rest of the file; close it and score the file again"
    );
    B_UNCLOSED_QUOTE = (
        "{0}:{1}:{2}: tähän avattua lainausmerkkiä ei suljeta ennen tiedoston loppua, joten loput tiedostosta luettaisiin yhdeksi soluksi; sulje lainaus ja pisteytä tiedosto uudelleen",
        "{0}:{1}:{2}: citattecknet som öppnas här stängs inte före filens slut, så resten av filen skulle läsas som en enda cell; stäng citatet och poängsätt filen igen",
        "{0}:{1}:{2}: the quote opened here is never closed, so the rest of the file would be read as one cell; close it and score the file again"
    );
    B_QUOTE_ACROSS_LINES = (
        "solun lainaus alkaa tästä ja jatkuu {0} riville, vieden mukanaan niiden rivit: puuttuuko sulkeva lainausmerkki?",
        "cellens citat börjar här och fortsätter över {0} rader och tar med sig deras rader: saknas ett avslutande citattecken?",
        "the cell's quote opens here and runs across {0} lines, taking in their rows: is a closing quote missing?"
    );
    B_QUOTE_ONLY_SPANNING = (
        "tämä on tiedoston ainoa solu, joka jatkuu usealle riville ({0} riviä): jos sen ei pitäisi, lainausmerkki on jäänyt sulkematta ja seuraavat rivit ovat solun sisällä",
        "det här är filens enda cell som fortsätter över flera rader ({0} rader): om den inte borde göra det har ett citattecken lämnats öppet och raderna efter ligger i cellen",
        "this is the only cell of the file that runs across lines ({0} lines): if it should not, a quote was left open and the rows after it are inside the cell"
    );
    READ_EMPTY = ("tiedosto `{0}` on tyhjä", "filen `{0}` är tom", "`{0}` is empty");
    READ_TOO_LARGE = (
        "tiedosto `{0}` on {1} tavua, mikä ylittää {2} tavun rajan: onko tämä oikea tiedosto?",
        "filen `{0}` är {1} byte, mer än gränsen på {2} byte: är det rätt fil?",
        "`{0}` is {1} bytes, more than the limit of {2}: is this the right file?"
    );
    READ_NOT_UTF8 = (
        "{0}: teksti ei ole UTF-8-muodossa; tallenna tiedosto UTF-8-merkistöllä",
        "{0}: texten är inte i UTF-8; spara filen med teckenkodningen UTF-8",
        "{0}: not valid UTF-8 text; save the file as UTF-8"
    );
    READ_IO = ("tiedostoa `{0}` ei voi lukea: {1}", "filen `{0}` kan inte läsas: {1}", "cannot read `{0}`: {1}");

    // Writing files.
    IO_NOT_FOUND = ("kansiota tai tiedostoa ei ole", "mappen eller filen finns inte", "no such folder or file");
    IO_PERMISSION = ("käyttöoikeus puuttuu", "behörighet saknas", "permission denied");
    IO_EXISTS = ("samanniminen on jo olemassa", "det finns redan en med samma namn", "one of that name exists");
    IO_READ_ONLY = ("levy on vain lukemista varten", "filsystemet är skrivskyddat", "the file system is read-only");
    IO_FULL = ("levy on täynnä", "disken är full", "the disk is full");
    IO_IS_FOLDER = ("se on kansio", "det är en mapp", "it is a folder");
    IO_NOT_FOLDER = ("polun osa ei ole kansio", "en del av sökvägen är ingen mapp", "a part of the path is not a folder");
    IO_OTHER = ("järjestelmä ilmoitti virheestä", "systemet rapporterade ett fel", "the system reported an error");
    WRITE_FAILED = ("tiedostoa `{0}` ei voi kirjoittaa: {1}", "filen `{0}` kan inte skrivas: {1}", "cannot write `{0}`: {1}");
    OUTPUT_IS_INPUT = (
        "tulostiedosto `{0}` on sama kuin syötetiedosto; valitse toinen nimi",
        "utdatafilen `{0}` är samma som indatafilen; välj ett annat namn",
        "output file `{0}` is the input file; choose another name"
    );

    // Answers.
    NONE_CHOSEN = ("ei yhtään valittu", "inget valt", "none chosen");
    YES = ("Kyllä", "Ja", "Yes");
    NO = ("Ei", "Nej", "No");
    NOT_APPLICABLE = ("Ei koske", "Ej aktuellt", "Not applicable");
    DONT_KNOW = ("En tiedä", "Vet inte", "Don't know");
    A_LEVEL_OUT_OF_RANGE = (
        "kysymyksen `{0}` taso `{1}` ei ole asteikolla 0–{2}",
        "nivån `{1}` för frågan `{0}` ligger inte på skalan 0–{2}",
        "question `{0}`: level `{1}` is not on the scale 0–{2}"
    );
    A_UNKNOWN_OPTION = (
        "kysymyksen `{0}` vaihtoehtoa `{1}` ei ole; sallitut: {2}",
        "frågan `{0}` har inget alternativ `{1}`; tillåtna: {2}",
        "question `{0}` has no option `{1}`; allowed: {2}"
    );
    A_DUPLICATE_OPTION = ("kysymyksen `{0}` vaihtoehto `{1}` on valittu kahdesti", "alternativet `{1}` i frågan `{0}` är valt två gånger", "question `{0}`: option `{1}` is chosen twice");
    A_NA_NOT_ALLOWED = (
        "kysymykseen `{0}` ei voi vastata `na` (ei koske); jos vastausta ei tiedä, käytä `dk`",
        "frågan `{0}` kan inte besvaras med `na` (ej aktuellt); om svaret är okänt, använd `dk`",
        "question `{0}` cannot be answered `na` (not applicable); use `dk` if the answer is not known"
    );
    A_NUMBER_OUT_OF_RANGE = (
        "kysymyksen `{0}` luku `{1}` ei ole välillä {2}–{3}",
        "talet `{1}` för frågan `{0}` ligger inte mellan {2} och {3}",
        "question `{0}`: number `{1}` is outside {2}..{3}"
    );
    A_WRONG_TYPE = (
        "kysymyksen `{0}` vastaus `{1}` on väärää tyyppiä: odotettiin {2}",
        "svaret `{1}` på frågan `{0}` har fel typ: väntade {2}",
        "question `{0}`: answer `{1}` has the wrong type: expected {2}"
    );
    EXPECT_LEVEL = (
        "tasoa kokonaislukuna, `\"dk\"` tai `\"na\"`",
        "en nivå som heltal, `\"dk\"` eller `\"na\"`",
        "a level as a whole number, `\"dk\"` or `\"na\"`"
    );
    EXPECT_CHOICE = ("yhden vaihtoehdon tunnusta merkkijonona", "ett alternativs id som sträng", "one option id as a string");
    EXPECT_MULTI = ("luetteloa vaihtoehtojen tunnuksista, esim. [\"a\", \"b\"]", "en lista med alternativens id, t.ex. [\"a\", \"b\"]", "a list of option ids, e.g. [\"a\", \"b\"]");
    EXPECT_YESNO = ("arvoa `true` tai `false`", "värdet `true` eller `false`", "`true` or `false`");
    EXPECT_NUMBER = ("lukua", "ett tal", "a number");
    EXPECT_TEXT = ("tekstiä", "text", "text");
    EXPECT_INTEGER = ("kokonaislukua", "ett heltal", "a whole number");
    EXPECT_TABLE = ("taulukkoa", "en tabell", "a table");
    EXPECT_STRING = ("merkkijonoa", "en sträng", "a string");

    // Answer sheets.
    S_SHEET_SYNTAX = ("vastauslomakkeen syntaksivirhe", "syntaxfel i svarsblanketten", "syntax error in the answer sheet");
    S_NOT_A_TABLE = ("vastauslomakkeen on oltava JSON-olio { … }", "svarsblanketten ska vara ett JSON-objekt { … }", "the answer sheet must be a JSON object { … }");
    S_MISSING = ("pakollinen kenttä `{0}` puuttuu", "det obligatoriska fältet `{0}` saknas", "required field `{0}` is missing");
    S_WRONG_FIELD_TYPE = ("kentän `{0}` arvon on oltava {1}", "värdet i fältet `{0}` ska vara {1}", "`{0}` must be {1}");
    S_WRONG_QUESTIONNAIRE = (
        "lomake on kyselyyn `{0}`, mutta käytössä on kysely `{1}`; anna oikea kysely valitsimella -q",
        "blanketten gäller enkäten `{0}`, men enkäten `{1}` används; ange rätt enkät med -q",
        "the sheet answers questionnaire `{0}`, but questionnaire `{1}` is in use; give the right one with -q"
    );
    S_VERSION_DIFFERS = (
        "lomake on vastattu kyselyn versioon {0}, käytössä on versio {1}; vastaukset tarkistetaan uutta versiota vasten",
        "blanketten besvarades för version {0} av enkäten, nu används version {1}; svaren kontrolleras mot den nya versionen",
        "the sheet was answered for version {0}; the questionnaire is version {1}, and the answers are checked against it"
    );
    S_UNKNOWN_QUESTION = ("kyselyssä ei ole kysymystä `{0}`", "enkäten har ingen fråga `{0}`", "the questionnaire has no question `{0}`");
    S_NOTE_FOR_UNKNOWN_QUESTION = ("huomautus kysymykseen `{0}`, jota kyselyssä ei ole", "anteckning till frågan `{0}`, som inte finns i enkäten", "note for question `{0}`, which the questionnaire does not have");
    S_BAD_MUNICIPALITY_CODE = (
        "kuntanumero `{0}` ei kelpaa: sen on oltava kolme numeroa, esim. `049`",
        "kommunnumret `{0}` är ogiltigt: det ska vara tre siffror, t.ex. `049`",
        "municipality code `{0}` is not valid: it is three digits, e.g. `049`"
    );
    S_BAD_DATE = ("päivämäärä `{0}` ei kelpaa: käytä muotoa VVVV-KK-PP", "datumet `{0}` är ogiltigt: använd formen ÅÅÅÅ-MM-DD", "date `{0}` is not valid: write it YYYY-MM-DD");
    S_UNKNOWN_REGION = (
        "maakuntaa `{0}` ei tunneta; vertailu maakunnittain ryhmittelee sen omaksi ryhmäkseen",
        "landskapet `{0}` är okänt; jämförelser per landskap lägger det i en egen grupp",
        "region `{0}` is not one of Finland's 19 regions; comparisons by region will group it on its own"
    );
    SHEET_HAS_ERRORS = (
        "vastauslomakkeessa `{0}` on virheitä: {1}; mitään ei kirjoitettu",
        "svarsblanketten `{0}` innehåller fel: {1}; ingenting skrevs",
        "answer sheet `{0}` has errors: {1}; nothing was written"
    );
    QUESTIONNAIRE_HAS_ERRORS = (
        "kyselyssä `{0}` on virheitä: {1}; katso `kuntakompassi questionnaire validate {0}`",
        "enkäten `{0}` innehåller fel: {1}; se `kuntakompassi questionnaire validate {0}`",
        "questionnaire `{0}` has errors: {1}; see `kuntakompassi questionnaire validate {0}`"
    );
    UNKNOWN_BUILTIN = (
        "sisäänrakennettua kyselyä `{0}` ei ole; sisäänrakennetut: {1}; tiedoston voi antaa polkuna",
        "det finns ingen inbyggd enkät `{0}`; inbyggda: {1}; en fil kan anges med sökväg",
        "no built-in questionnaire `{0}`; built-in: {1}; a file can be given by its path"
    );
    SHEET_FOR_UNKNOWN_QUESTIONNAIRE = (
        "lomake on kyselyyn `{0}`, joka ei ole sisäänrakennettu; anna kyselytiedosto valitsimella -q TIEDOSTO",
        "blanketten gäller enkäten `{0}`, som inte är inbyggd; ange enkätfilen med -q FIL",
        "the sheet answers questionnaire `{0}`, which is not built in; give its file with -q FILE"
    );

    // Roadmap.
    FIND_OUT_FIRST = (
        "Selvitä ensin nykytila: kuka kunnassa tietää vastauksen?",
        "Ta först reda på nuläget: vem i kommunen vet svaret?",
        "Find out the current state first: who in the municipality knows the answer?"
    );
    RAISE_TO_FULL = (
        "Vie tämä asia täysin kuntoon.",
        "Se till att detta är helt på plats.",
        "Put this fully in place."
    );

    // The terminal table.
    T_THEME = ("Teema", "Tema", "Theme");
    T_SCORE = ("Pisteet", "Poäng", "Score");
    T_BAND = ("Taso", "Nivå", "Band");
    T_ANSWERED = ("Vastattu", "Besvarat", "Answered");
    T_OVERALL = ("Kokonaisindeksi", "Helhetsindex", "Overall index");
    NO_SCORE = ("ei pisteitä", "inga poäng", "no score");
    T_DK_SHORT = ("EOS", "VEJ", "DK");
    T_NA_SHORT = ("EK", "EA", "NA");
    T_LEGEND = (
        "Pisteet 0–100. Vastattu = vastatut / pisteytettävät kysymykset (EOS = en osaa sanoa, EK = ei koske); kokonaisindeksin rivillä kattavuus.",
        "Poäng 0–100. Besvarat = besvarade / poängsatta frågor (VEJ = vet ej, EA = ej aktuellt); på helhetsindexets rad svarsgraden.",
        "Scores 0–100. Answered = answered / scored questions (DK = don't know, NA = not applicable); completeness on the overall row."
    );
    T_NEXT_STEPS = (
        "Seuraavat {0} askelta suurimman hyödyn mukaan (+ indeksipistettä):",
        "De {0} följande stegen efter största nytta (+ indexpoäng):",
        "The next {0} steps by potential gain (+ index points):"
    );
    T_NO_STEPS = ("Ei seuraavia askelia: kaikki vastatut käytännöt ovat täysin kunnossa.", "Inga följande steg: alla besvarade rutiner är helt på plats.", "No next steps: every answered practice is fully in place.");
    T_NOW = ("Nyt", "Nu", "Now");

    // `questionnaire list`, `show` and `validate`.
    L_ID = ("Tunnus", "Id", "Id");
    L_VERSION = ("Versio", "Version", "Version");
    L_TITLE = ("Nimi", "Namn", "Title");
    L_QUESTIONS = ("Kysymyksiä", "Frågor", "Questions");
    L_MINUTES = ("Kesto (min)", "Tid (min)", "Time (min)");
    SHOW_THEME_LINE = ("Teema {0} · paino {1}", "Tema {0} · vikt {1}", "Theme {0} · weight {1}");
    SHOW_MIL_THEME = ("lasketaan MIL-taso 0–3", "MIL-nivå 0–3 räknas ut", "reports a maturity indicator level 0–3");
    SHOW_QUESTION_LINE = ("{0} · {1} · paino {2}", "{0} · {1} · vikt {2}", "{0} · {1} · weight {2}");
    SHOW_ALLOW_NA = ("voi vastata ”ei koske”", "kan besvaras ”ej aktuellt”", "may be answered “not applicable”");
    SHOW_HELP = ("Ohje", "Hjälp", "Help");
    SHOW_LEVELS = ("Tasot", "Nivåer", "Levels");
    SHOW_NEXT_STEP = ("seuraava askel", "nästa steg", "next step");
    SHOW_OPTIONS = ("Vaihtoehdot", "Alternativ", "Options");
    SHOW_POINTS = ("pistettä", "poäng", "points");
    SHOW_MAX_POINTS = ("täydet pisteet {0} pisteestä", "full poäng vid {0} poäng", "full score at {0} points");
    SHOW_RANGE = ("Sallittu väli", "Tillåtet intervall", "Allowed range");
    SHOW_SCORE_BANDS = ("Pisteytys", "Poängsättning", "Scoring");
    SHOW_FROM = ("alkaen", "från", "from");
    SHOW_ADVICE = ("Neuvo", "Råd", "Advice");
    SHOW_REFERENCES = ("Lähteet", "Källor", "References");
    SHOW_SUMMARY = (
        "{0} teemaa, {1} kysymystä, joista {2} pisteytetään; kielet: {3}",
        "{0} teman, {1} frågor, varav {2} poängsätts; språk: {3}",
        "{0} themes, {1} questions, {2} of them scored; languages: {3}"
    );
    KIND_LEVEL = ("tasokysymys", "nivåfråga", "level");
    KIND_CHOICE = ("valinta", "val", "choice");
    KIND_MULTI = ("monivalinta", "flerval", "multiple choice");
    KIND_YESNO = ("kyllä/ei", "ja/nej", "yes/no");
    KIND_NUMBER = ("luku", "tal", "number");
    KIND_TEXT = ("vapaa teksti", "fritext", "free text");
    VALIDATE_SUMMARY = (
        "{0}: {1} virhettä, {2} varoitusta",
        "{0}: {1} fel, {2} varningar",
        "{0}: {1} errors, {2} warnings"
    );
    VALIDATE_OK = ("{0}: kunnossa ({1} kysymystä)", "{0}: i sin ordning ({1} frågor)", "{0}: ok ({1} questions)");
    VALIDATE_FAILED = ("{0} kyselyssä on virheitä", "{0} enkäter innehåller fel", "{0} questionnaire(s) have errors");
    WROTE = ("Kirjoitettu: {0}", "Skrivet: {0}", "Wrote {0}");

    // The interview.
    I_START_SIZE = (
        "Kysymyksiä on {0}, ja vastaamiseen kuluu noin {1} minuuttia. Voit vastata useammassa osassa.",
        "Enkäten har {0} frågor och tar ungefär {1} minuter att besvara. Du kan svara i flera omgångar.",
        "There are {0} questions; answering takes about {1} minutes. You can answer in several sittings."
    );
    I_START_PART = (
        "Tässä haastattelussa kysytään vain osa kyselystä: {0}. Muut osat voi vastata toinen henkilö, ja vastaukset yhdistetään komennolla `kuntakompassi merge`.",
        "I den här intervjun ställs bara en del av enkätens frågor: {0}. Resten kan besvaras av någon annan, och svaren slås ihop med `kuntakompassi merge`.",
        "This interview asks only part of the questionnaire: {0}. Someone else can answer the rest, and `kuntakompassi merge` combines the answers."
    );
    I_START_PART_QUESTIONS = ("kysymykset {0}", "frågorna {0}", "the questions {0}");
    I_NO_SUCH_THEME = ("kyselyssä `{0}` ei ole teemaa `{1}`", "enkäten `{0}` har inget tema `{1}`", "the questionnaire `{0}` has no theme `{1}`");
    I_NO_SUCH_QUESTION = (
        "kyselyssä `{0}` ei ole kysymystä `{1}`",
        "enkäten `{0}` har ingen fråga `{1}`",
        "the questionnaire `{0}` has no question `{1}`"
    );
    I_SELECTION_LIST = (
        "teemojen ja kysymysten tunnukset näkee komennolla `kuntakompassi questionnaire show {0}`",
        "temanas och frågornas id:n visas med `kuntakompassi questionnaire show {0}`",
        "`kuntakompassi questionnaire show {0}` lists the ids of the themes and questions"
    );
    I_START_KEYS = (
        "Valitse nuolinäppäimillä ja Enterillä; tasokysymyksissä numero valitsee tason, ja ? näyttää lyhennetyn tekstin kokonaan. Jokaisessa kysymyksessä voit vastata ”En tiedä”, palata edelliseen, ohittaa kysymyksen, lisätä huomautuksen, siirtyä toiseen kysymykseen tai tallentaa ja lopettaa. Ctrl-C lopettaa heti; siihen mennessä annetut vastaukset on jo tallennettu.",
        "Välj med piltangenterna och Enter; i nivåfrågorna väljer en siffra nivån, och ? visar en förkortad text i sin helhet. Vid varje fråga kan du svara ”Vet inte”, gå tillbaka, hoppa över frågan, skriva en anteckning, gå till en annan fråga eller spara och avsluta. Ctrl-C avslutar genast; de svar du har gett är redan sparade.",
        "Choose with the arrow keys and Enter; at a level question a digit picks the level, and ? shows a shortened text in full. At every question you can answer “Don't know”, go back, skip it, add a note, go to another question, or save and quit. Ctrl-C stops at once; the answers given so far are already saved."
    );
    I_START_DRAFT = (
        "Vastaukset tallennetaan jokaisen vastauksen jälkeen luonnokseen {0}",
        "Svaren sparas efter varje svar i utkastet {0}",
        "Answers are saved after every answer in the draft {0}"
    );
    I_RESUMING = ("Jatketaan luonnosta: {0}/{1} kysymykseen on vastattu.", "Utkastet fortsätter: {0} av {1} frågor är besvarade.", "Resuming the draft: {0} of {1} questions answered.");
    I_RESPONDENT_HEADING = ("Ensin kunnan ja vastaajan tiedot.", "Först uppgifterna om kommunen och den som svarar.", "First, the municipality and the respondent.");
    I_REQUIRED = ("Tieto on pakollinen.", "Uppgiften är obligatorisk.", "This is required.");
    I_MUNICIPALITY = ("Kunta", "Kommun", "Municipality");
    I_MUNICIPALITY_CODE = ("Kuntanumero (3 numeroa, vapaaehtoinen)", "Kommunnummer (3 siffror, frivilligt)", "Municipality code (3 digits, optional)");
    I_NO_REGION = ("(ei valintaa)", "(inget val)", "(none)");
    I_REGION = ("Maakunta", "Landskap", "Region");
    I_NOT_A_WHOLE_NUMBER = ("Kirjoita kokonaisluku, esim. 4 500.", "Skriv ett heltal, t.ex. 4 500.", "Type a whole number, e.g. 4500.");
    I_POPULATION = ("Asukasluku (vapaaehtoinen)", "Invånarantal (frivilligt)", "Population (optional)");
    I_ROLE = ("Tehtäväsi kunnassa (vapaaehtoinen)", "Din uppgift i kommunen (frivilligt)", "Your role in the municipality (optional)");
    I_NAME_NOTE = (
        "Nimesi on vapaaehtoinen tieto, ja se tallennetaan vain, jos kirjoitat sen.",
        "Ditt namn är frivilligt och sparas bara om du skriver det.",
        "Your name is optional and is stored only if you give it."
    );
    I_NAME = ("Nimi (vapaaehtoinen)", "Namn (frivilligt)", "Name (optional)");
    I_CURRENT_ANSWER = ("Nykyinen vastaus", "Nuvarande svar", "Current answer");
    I_NOTE = ("Huomautus", "Anteckning", "Note");
    I_ANSWER_PROMPT = ("Vastaus", "Svar", "Answer");
    I_NOTE_PROMPT = (
        "Huomautus (esim. lähde tai keneltä kysyä; tyhjä poistaa)",
        "Anteckning (t.ex. källa eller vem man kan fråga; tom raderar)",
        "Note (e.g. a source or whom to ask; empty removes it)"
    );
    I_CHOOSE_OPTIONS = ("Valitse vaihtoehdot…", "Välj alternativ …", "Choose the options…");
    I_TYPE_NUMBER = ("Kirjoita luku", "Skriv ett tal", "Type a number");
    I_TYPE_TEXT = ("Kirjoita vastaus…", "Skriv svaret …", "Type the answer…");
    I_ADD_NOTE = ("✎ Lisää huomautus", "✎ Skriv en anteckning", "✎ Add a note");
    I_EDIT_NOTE = ("✎ Muokkaa huomautusta", "✎ Redigera anteckningen", "✎ Edit the note");
    I_BACK = ("← Edellinen kysymys", "← Föregående fråga", "← Previous question");
    I_SKIP = ("→ Ohita toistaiseksi", "→ Hoppa över tills vidare", "→ Skip for now");
    I_JUMP = ("☰ Siirry kysymykseen…", "☰ Gå till en fråga …", "☰ Go to a question…");
    I_SAVE_QUIT = ("✓ Tallenna ja lopeta", "✓ Spara och avsluta", "✓ Save and quit");
    I_MULTI_PROMPT = ("Valitse kaikki sopivat", "Välj alla som stämmer", "Choose all that apply");
    I_NUMBER_BETWEEN = ("Luvun pitää olla välillä {0}–{1}.", "Talet ska vara mellan {0} och {1}.", "The number must be from {0} to {1}.");
    I_NUMBER_AT_LEAST = ("Luvun pitää olla vähintään {0}.", "Talet ska vara minst {0}.", "The number must be at least {0}.");
    I_NUMBER_AT_MOST = ("Luku saa olla enintään {0}.", "Talet får vara högst {0}.", "The number must be at most {0}.");
    I_POPULATION_RANGE = (
        "Asukasluvun pitää olla kokonaisluku väliltä {0}–{1}.",
        "Invånarantalet ska vara ett heltal mellan {0} och {1}.",
        "The population must be a whole number from {0} to {1}."
    );
    I_NOT_A_NUMBER = ("Kirjoita luku, esim. 45,5.", "Skriv ett tal, t.ex. 45,5.", "Type a number, e.g. 45.5.");
    I_NUMBER_PROMPT = ("Luku (tyhjä palaa valikkoon)", "Tal (tomt för tillbaka till menyn)", "Number (empty returns to the menu)");
    I_TEXT_PROMPT = ("Vastaus (tyhjä palaa valikkoon)", "Svar (tomt för tillbaka till menyn)", "Answer (empty returns to the menu)");
    I_JUMP_CANCEL = ("← Takaisin kysymykseen", "← Tillbaka till frågan", "← Back to the question");
    I_EDIT_RESPONDENT = ("Kunnan ja vastaajan tiedot", "Uppgifterna om kommunen och den som svarar", "The municipality and respondent details");
    I_JUMP_PROMPT = ("Siirry kysymykseen", "Gå till frågan", "Go to question");
    I_UNANSWERED_LEFT = ("Vastaamatta on vielä {0} kysymystä.", "Obesvarade frågor: {0}.", "Questions still unanswered: {0}.");
    I_FINISH_NOW = ("Näytä tulokset ja tallenna raportti", "Visa resultaten och spara rapporten", "Show the results and save the report");
    I_GO_UNANSWERED = ("Siirry ensimmäiseen vastaamattomaan", "Gå till den första obesvarade frågan", "Go to the first unanswered question");
    I_FINISH_PROMPT = ("Mitä tehdään?", "Vad vill du göra?", "What next?");
    I_DRAFT_SAVED = ("Luonnos on tallennettu: {0}", "Utkastet är sparat: {0}", "The draft is saved: {0}");
    I_HOW_TO_RESUME = ("Jatka myöhemmin komennolla:", "Fortsätt senare med kommandot:", "Continue later with:");
    I_NOTHING_SAVED = (
        "Mitään ei tallennettu: kunnan ja vastaajan tiedot jäivät kesken.",
        "Ingenting sparades: uppgifterna om kommunen och den som svarar blev inte färdiga.",
        "Nothing was saved: the municipality and respondent details were not finished."
    );
    I_HOW_TO_START = ("Aloita uudelleen komennolla:", "Börja om med kommandot:", "Start again with:");
    I_ANSWERED_OF = ("vastattu {0}/{1}", "besvarade {0} av {1}", "{0} of {1} answered");
    I_END_OF_QUESTIONS = ("kysymykset on käyty läpi", "alla frågor har gåtts igenom", "all questions visited");
    I_OUT_DIR_NOT_WRITABLE = (
        "kansioon `{0}` ei voi kirjoittaa ({1}); anna toinen kansio valitsimella --out-dir",
        "det går inte att skriva i mappen `{0}` ({1}); ange en annan mapp med --out-dir",
        "cannot write into the folder `{0}` ({1}); give another one with --out-dir"
    );
    // The keys of the interview's prompts, on the last line of a screen.
    K_MOVE_CHOOSE = ("↑↓ liiku, Enter valitsee", "↑↓ flytta, Enter väljer", "↑↓ move, Enter chooses");
    K_MOVE_TICK = (
        "↑↓ liiku, välilyönti rastittaa, Enter hyväksyy",
        "↑↓ flytta, mellanslag kryssar i, Enter godkänner",
        "↑↓ move, Space ticks, Enter accepts"
    );
    K_DIGITS = ("{0} valitsee tason", "{0} väljer nivå", "{0} picks a level");
    K_FILTER = ("kirjoita rajataksesi", "skriv för att filtrera", "type to filter");
    K_STOP = ("Ctrl-C keskeyttää", "Ctrl-C avbryter", "Ctrl-C stops");
    K_FULL_TEXT = ("? koko teksti", "? hela texten", "? full text");
    K_MORE_ABOVE = ("↑ {0} lisää", "↑ {0} till", "↑ {0} more");
    K_MORE_BELOW = ("↓ {0} lisää", "↓ {0} till", "↓ {0} more");
    K_FILTERED = ("Rajaus: {0}", "Filter: {0}", "Filter: {0}");
    K_NO_MATCH = (
        "Ei osumia. Askelpalautin poistaa merkin, Esc tyhjentää rajauksen.",
        "Inga träffar. Backsteg tar bort ett tecken, Esc tömmer filtret.",
        "No matches. Backspace deletes a character, Esc clears the filter."
    );
    K_SCROLL = (
        "↑↓ selaa, Enter tai Esc palaa kysymykseen",
        "↑↓ bläddra, Enter eller Esc för tillbaka till frågan",
        "↑↓ scroll, Enter or Esc goes back to the question"
    );
    I_NOT_A_TERMINAL = (
        "haastattelu tarvitsee päätteen syötteeksi ja tulosteeksi; valmiin vastaustiedoston voi pisteyttää komennolla `kuntakompassi score TIEDOSTO`",
        "intervjun behöver en terminal för in- och utdata; en färdig svarsfil kan poängsättas med kommandot `kuntakompassi score FIL`",
        "the interview needs a terminal for input and output; to score a finished answer file, use `kuntakompassi score FILE`"
    );
    I_UNFIT_HEADING = (
        "Näitä luonnoksen vastauksia ei voi käyttää kyselyn versiossa {0}. Ne säilyvät luonnoksessa, ja uusi vastaus korvaa ne:",
        "Följande svar i utkastet passar inte version {0} av enkäten. De finns kvar i utkastet, och ett nytt svar ersätter dem:",
        "These answers of the draft do not fit version {0} of the questionnaire. They stay in the draft, and a new answer replaces them:"
    );
    I_FOUND_DRAFT = (
        "Kansiossa on keskeneräinen luonnos {0} ({1}/{2} vastattu).",
        "I mappen finns ett påbörjat utkast {0} ({1} av {2} besvarade).",
        "The folder has an unfinished draft {0} ({1} of {2} answered)."
    );
    I_CONTINUE_DRAFT = ("Jatka tätä luonnosta", "Fortsätt med utkastet", "Continue this draft");
    I_NEW_DRAFT = ("Aloita uusi arviointi", "Börja en ny bedömning", "Start a new assessment");
    I_PART_HEADING = (
        "Vastaamanne osa",
        "Den del ni besvarade",
        "The part you answered"
    );
    I_PART_SOME_QUESTIONS = (
        "teemasta kysyttiin vain {0} kysymystä",
        "endast {0} av temats frågor ställdes",
        "only {0} of this theme's questions were asked"
    );
    I_PART_MERGE = (
        "Kokonaisindeksi ja tiekartta lasketaan, kun kaikkien vastaajien osat on yhdistetty. Vastauksenne ovat \
         luonnoksessa {0}. Yhdistäkää se muiden vastaajien luonnoksiin ja pisteyttäkää yhdistetty lomake:",
        "Totalindexet och färdplanen beräknas när alla svarandes delar har sammanförts. Era svar finns i \
         utkastet {0}. Sammanför det med de andra svarandenas utkast och poängsätt den sammanförda blanketten:",
        "The overall index and the roadmap are worked out once every respondent's part is merged. Your answers \
         are in the draft {0}. Merge it with the other respondents' drafts and score the merged sheet:"
    );
    I_PART_COMMANDS = (
        "kuntakompassi merge {0} MUUT_LUONNOKSET… -o yhdistetty.toml\nkuntakompassi score yhdistetty.toml",
        "kuntakompassi merge {0} ANDRA_UTKAST… -o sammanford.toml\nkuntakompassi score sammanford.toml",
        "kuntakompassi merge {0} OTHER_DRAFTS… -o merged.toml\nkuntakompassi score merged.toml"
    );
    I_REPORT_WRITTEN = ("Raportti on tallennettu: {0}", "Rapporten är sparad: {0}", "The report is saved: {0}");
    I_DRAFT_OTHER_QUESTIONNAIRE = (
        "luonnos `{0}` on kyselyyn `{1}` eikä kyselyyn `{2}`; anna oikea kysely valitsimella -q",
        "utkastet `{0}` gäller enkäten `{1}`, inte `{2}`; ange rätt enkät med -q",
        "draft `{0}` answers questionnaire `{1}`, not `{2}`; give the right one with -q"
    );
    I_RESULTS_HEADING = ("Tulokset", "Resultat", "Results");
    I_ALSO_PROMPT = ("Tallennetaanko raportti myös luettavassa muodossa?", "Ska rapporten också sparas i läsbar form?", "Save the report in a readable form too?");
    I_ALSO_HTML = (
        "HTML-sivu kaavioineen (esim. kunnanhallitukselle, tulostuu A4:lle)",
        "En HTML-sida med diagram (t.ex. för kommunstyrelsen, kan skrivas ut på A4)",
        "An HTML page with charts (e.g. for the municipal board, prints on A4)"
    );
    I_ALSO_MARKDOWN = ("Markdown-teksti", "Markdown-text", "Markdown text");
    I_ALSO_BOTH = ("Molemmat", "Båda", "Both");
    I_ALSO_NONE = ("Ei kumpaakaan", "Ingetdera", "Neither");
    // Reports (issue 5): headings and labels of the Markdown, HTML, CSV and XLSX renderings.
    R_SUMMARY = ("Yhteenveto", "Sammanfattning", "Summary");
    R_MUNICIPALITY = ("Kunta", "Kommun", "Municipality");
    R_REGION = ("Maakunta", "Landskap", "Region");
    R_POPULATION = ("Asukasluku", "Invånarantal", "Population");
    R_DATE = ("Päivämäärä", "Datum", "Date");
    R_QUESTIONNAIRE = ("Kysely", "Enkät", "Questionnaire");
    /// Shown only when a report's questionnaire texts could not be had in the reader's language.
    TWO_LANGUAGES_ONLY_FOR_REPORTS = (
        "kaksi kieltä (`--lang {0},{1}`) käy vain raportin kaksikieliseen HTML-, Markdown- tai XLSX-asiakirjaan \
         (komennot report ja score); anna muille komennoille yksi kieli",
        "två språk (`--lang {0},{1}`) går bara för en rapports tvåspråkiga HTML-, Markdown- eller XLSX-dokument \
         (kommandona report och score); ge de andra kommandona ett språk",
        "two languages (`--lang {0},{1}`) are only for a report's bilingual HTML, Markdown or XLSX document \
         (the report and score commands); give the other commands one language"
    );
    TWO_LANGUAGES_ONLY_FOR_DOCUMENTS = (
        "kaksi kieltä (`--lang {0},{1}`) käy vain HTML-, Markdown- ja XLSX-muotoon, ei muotoon {2}",
        "två språk (`--lang {0},{1}`) går bara för HTML, Markdown och XLSX, inte för formatet {2}",
        "two languages (`--lang {0},{1}`) are only for HTML, Markdown and XLSX, not for the {2} format"
    );
    R_TEXTS_LANGUAGE = ("Kyselyn tekstien kieli", "Enkättexternas språk", "Language of the questionnaire's texts");
    R_TEXTS_KEPT = (
        "{0}: kysely ei ollut saatavilla tällä kielellä, joten teemat, kysymykset, vastaukset ja toimenpiteet \
         ovat raportin kielellä",
        "{0}: enkäten fanns inte på detta språk, så teman, frågor, svar och åtgärder står på rapportens språk",
        "{0}: the questionnaire was not at hand in this language, so themes, questions, answers and steps are in \
         the report's language"
    );
    LANG_FI = ("suomi", "finska", "Finnish");
    LANG_SV = ("ruotsi", "svenska", "Swedish");
    LANG_EN = ("englanti", "engelska", "English");
    R_KEPT_OTHER_QUESTIONNAIRE = (
        "raportin tekstit jäävät kielelle {0}: kysely `{1}` ei ole se, jolla raportti tehtiin ({2} {3})",
        "rapportens texter förblir på {0}: enkäten `{1}` är inte den som rapporten gjordes med ({2} {3})",
        "the report's texts stay in {0}: questionnaire `{1}` is not the one the report was made with ({2} {3})"
    );
    R_ROLE = ("Vastaajan tehtävä", "Svararens uppgift", "Respondent's role");
    R_RESPONDENTS = ("Vastaajia", "Antal svarare", "Respondents");
    R_COMPLETENESS = ("Kattavuus", "Svarsgrad", "Completeness");
    R_THEME_SCORES = ("Teemojen pisteet", "Temanas poäng", "Theme scores");
    R_RADAR_TITLE = ("Teemojen pisteet säteittäin", "Temanas poäng i ett spindeldiagram", "Theme scores as a radar chart");
    R_BARS_TITLE = ("Teemojen pisteet ja tasot", "Temanas poäng och nivåer", "Theme scores and bands");
    R_CHART_ALT = (
        "Kaavio teemojen pisteistä asteikolla 0–100: {0}.",
        "Diagram över temanas poäng på skalan 0–100: {0}.",
        "Chart of the theme scores on a scale of 0–100: {0}."
    );
    R_ROADMAP = ("Tiekartta: suurimman hyödyn askeleet", "Färdplan: stegen med störst nytta", "Roadmap: the steps of highest potential gain");
    R_ROADMAP_INTRO = (
        "Askeleet on järjestetty sen mukaan, montako pistettä kokonaisindeksi nousisi, jos käytäntö olisi täysin kunnossa.",
        "Stegen är ordnade efter hur många poäng helhetsindexet skulle stiga om rutinen vore helt på plats.",
        "The steps are ordered by how many points the overall index would rise if the practice were fully in place."
    );
    R_GAIN = ("Hyöty (indeksipistettä)", "Nytta (indexpoäng)", "Gain (index points)");
    R_CURRENT = ("Nykytila", "Nuläge", "Current state");
    R_NEXT_STEP = ("Seuraava askel", "Nästa steg", "Next step");
    R_QUESTION = ("Kysymys", "Fråga", "Question");
    R_QUESTION_ID = ("Kysymyksen tunnus", "Frågans id", "Question id");
    R_ANSWER = ("Vastaus", "Svar", "Answer");
    R_LEVEL_DESCRIPTION = ("Tason kuvaus", "Nivåbeskrivning", "Level description");
    R_NOTE = ("Huomio", "Anteckning", "Note");
    R_WEIGHT = ("Paino", "Vikt", "Weight");
    R_MIL = ("Kypsyystaso (MIL 0–3)", "Mognadsnivå (MIL 0–3)", "Maturity indicator level (MIL 0–3)");
    R_NOT_ANSWERED = ("Ei vastattu", "Obesvarad", "Not answered");
    // What holds a maturity indicator level down (issue 22), in every rendering of a report.
    MIL_SUMMARY = (
        "{0}: kypsyystaso {1}/3 — tasolle {2} tarvitaan: {3}",
        "{0}: mognadsnivå {1}/3 — för nivå {2} behövs: {3}",
        "{0}: maturity level {1}/3 — to reach {2}: {3}"
    );
    MIL_SUMMARY_TOP = ("{0}: kypsyystaso {1}/3, ylin taso", "{0}: mognadsnivå {1}/3, den högsta nivån", "{0}: maturity level {1}/3, the top level");
    MIL_SUMMARY_UNREACHABLE = (
        "{0}: kypsyystaso {1}/3 — tasolle {2} ei näillä vastauksilla päästä: mikään sen käytännöistä ei koske kuntaa, tai liian harva voi toteutua",
        "{0}: mognadsnivå {1}/3 — nivå {2} kan inte nås med dessa svar: ingen av dess rutiner är aktuell för kommunen, eller för få kan genomföras",
        "{0}: maturity level {1}/3 — level {2} cannot be reached with these answers: none of its practices applies, or too few can be achieved"
    );
    MIL_SUMMARY_LEVEL = ("{0}: kypsyystaso {1}/3", "{0}: mognadsnivå {1}/3", "{0}: maturity level {1}/3");
    MIL_FIND_OUT_FIRST = ("selvitä ensin", "ta reda på först", "find out first");
    MIL_RULE_1 = (
        "Tasolle 1 pääsee, kun jokainen tason 1 käytäntö on toteutunut eli saanut vähintään 0,75 pistettä. Nämä puuttuvat:",
        "Nivå 1 nås när varje rutin på nivå 1 är genomförd, det vill säga ger minst 0,75 poäng. Dessa saknas:",
        "Level 1 is reached when every level-1 practice is achieved, that is, scores at least 0.75. These are missing:"
    );
    MIL_RULE_K = (
        "Tasolle {0} pääsee, kun yli puolet tason {0} käytännöistä on toteutunut eli saanut vähintään 0,75 pistettä. Siihen riittää, että nämä {1} toteutuvat:",
        "Nivå {0} nås när mer än hälften av rutinerna på nivå {0} är genomförda, det vill säga ger minst 0,75 poäng. Det räcker att dessa {1} genomförs:",
        "Level {0} is reached when more than half of the level-{0} practices are achieved, that is, score at least 0.75. Achieving these {1} is enough:"
    );
    MIL_RULE_K_ONE = (
        "Tasolle {0} pääsee, kun yli puolet tason {0} käytännöistä on toteutunut eli saanut vähintään 0,75 pistettä. Siihen riittää, että tämä toteutuu:",
        "Nivå {0} nås när mer än hälften av rutinerna på nivå {0} är genomförda, det vill säga ger minst 0,75 poäng. Det räcker att denna genomförs:",
        "Level {0} is reached when more than half of the level-{0} practices are achieved, that is, score at least 0.75. Achieving this one is enough:"
    );
    MIL_PRACTICE = ("Käytäntö", "Rutin", "Practice");
    MIL_NEEDED = ("Tarvittava vastaus", "Svar som behövs", "Answer needed");
    MIL_COLUMN = ("Kypsyystaso", "Mognadsnivå", "Maturity level");
    MIL_AT_LEAST = ("vähintään {0}", "minst {0}", "at least {0}");
    MIL_OR = (" tai ", " eller ", " or ");
    MIL_OPTIONS_WORTH = (
        "{0} tai muut vaihtoehdot, joista saa yhtä monta pistettä",
        "{0} eller andra alternativ som ger lika många poäng",
        "{0}, or other options worth as many points"
    );
    MIL_UNACHIEVABLE = ("mikään vastaus ei riitä", "inget svar räcker", "no answer is enough");
    MIL_RAISES = ("nostaa teeman {0} kypsyystasolle {1}", "höjer {0} till mognadsnivå {1}", "raises {0} to maturity level {1}");
    MIL_RAISES_ONE_OF = (
        "yksi niistä {2} käytännöstä, jotka yhdessä nostavat teeman {0} kypsyystasolle {1}",
        "en av de {2} rutiner som tillsammans höjer {0} till mognadsnivå {1}",
        "one of the {2} practices that together raise {0} to maturity level {1}"
    );
    MIL_GROUP_RULE = (
        "Ryhmän kypsyystaso on sen vastaajien tasoista alin eli taso, jonka jokainen vastaaja on saavuttanut (vastaajia {0}).",
        "Gruppens mognadsnivå är den lägsta av de svarandes nivåer, alltså den nivå som varje svarande har nått (svarande {0}).",
        "The group's maturity level is the lowest of its respondents' levels, the level every respondent has reached (respondents {0})."
    );
    MIL_GROUP_AT = ("tasolla {0}: {1}", "på nivå {0}: {1}", "at level {0}: {1}");
    MIL_GROUP_BLOCKING = (
        "Jokainen alla oleva käytäntö estää ainakin yhtä tasolla {0} olevaa vastaajaa pääsemästä tasolle {1}; kun jokainen vastaaja on toteuttanut ne, ryhmä on tasolla {1}.",
        "Varje rutin nedan hindrar minst en svarande på nivå {0} från att nå nivå {1}; när varje svarande har genomfört dem är gruppen på nivå {1}.",
        "Each practice below keeps at least one respondent at level {0} from reaching level {1}; once every respondent has achieved them, the group is at level {1}."
    );
    MIL_GROUP_BLOCKS = ("tasolla {2} olevista vastaajista {0}/{1}", "{0} av {1} svarande på nivå {2}", "{0} of {1} respondents at level {2}");
    MIL_GROUP_DK = ("heistä {0} vastasi ”En tiedä”", "av dem svarade {0} ”Vet inte”", "{0} of them answered “Don't know”");
    R_METHODS = ("Menetelmä", "Metod", "Method");
    R_METHODS_TEXT = (
        "Jokainen vastaus saa pisteet väliltä 0–1: tasokysymys tason ja ylimmän tason suhteena, valinta vaihtoehdon pisteinä suhteessa parhaaseen, monivalinta valittujen pisteiden summana (enintään 1), kyllä/ei arvona 1 tai 0 ja luku sen pistevälin mukaan. ”En osaa sanoa” saa 0 pistettä ja lasketaan mukaan; ”ei koske” ja vastaamattomat jätetään pois. Teeman pisteet ovat kysymysten painotettu keskiarvo kerrottuna sadalla, ja kokonaisindeksi on teemojen painotettu keskiarvo. Digitaalisen turvallisuuden kypsyystaso (MIL 0–3) lasketaan Kybermittarin tapaan: käytäntö on toteutunut, kun sen pisteet ovat vähintään 0,75. Raportti nimeää seuraavan tason estävät käytännöt: tasolle 1 kaikki toteutumattomat tason 1 käytännöt, ylemmille tasoille vähimmän määrän seuraavan tason käytäntöjä, joiden toteutuminen tekisi niistä yli puolet (tiekartan järjestyksessä); ”ei koske” jätetään pois, ja ”en osaa sanoa” on selvitettävä ensin. Tiekartan askeleet on järjestetty sen mukaan, paljonko kokonaisindeksi nousisi, jos käytäntö olisi täysin kunnossa.",
        "Varje svar får poäng mellan 0 och 1: en nivåfråga som kvoten mellan nivån och den högsta nivån, ett val som alternativets poäng i förhållande till det bästa, flerval som summan av de valda poängen (högst 1), ja/nej som 1 eller 0 och ett tal enligt sitt poängintervall. ”Vet inte” ger 0 poäng och räknas med; ”ej tillämpligt” och obesvarade frågor lämnas bort. Temats poäng är frågornas vägda medelvärde gånger hundra, och helhetsindexet är temanas vägda medelvärde. Mognadsnivån för digital säkerhet (MIL 0–3) beräknas som i Cybermätaren: en rutin är genomförd när dess poäng är minst 0,75. Rapporten nämner de rutiner som hindrar nästa nivå: för nivå 1 alla rutiner på nivå 1 som inte är genomförda, för högre nivåer det minsta antalet rutiner på nästa nivå vars genomförande skulle göra mer än hälften av dem genomförda (i färdplanens ordning); ”ej tillämpligt” lämnas bort och ”vet inte” ska redas ut först. Färdplanens steg är ordnade efter hur mycket helhetsindexet skulle stiga om rutinen vore helt på plats.",
        "Every answer scores between 0 and 1: a level question as its level over the top level, a choice as the option's points over the best option's, a multiple choice as the sum of the ticked points (at most 1), yes/no as 1 or 0, and a number by its score band. \"Don't know\" scores 0 and counts; \"not applicable\" and unanswered questions are left out. A theme's score is the weighted mean of its questions times one hundred, and the overall index is the weighted mean of the themes. The maturity indicator level of digital security (MIL 0–3) follows Kybermittari: a practice is achieved when it scores at least 0.75. The report names the practices that block the next level: for level 1 every level-1 practice not achieved, for higher levels the fewest next-level practices whose achievement would make more than half of them achieved (in roadmap order); \"not applicable\" is left out and \"don't know\" is to be found out first. The roadmap orders the steps by how much the overall index would rise if the practice were fully in place."
    );
    R_CREATED = ("Laadittu {0} työkalulla kuntakompassi {1}.", "Skapad {0} med kuntakompassi {1}.", "Created {0} with kuntakompassi {1}.");
    R_ACTION_PLAN = ("Toimenpidesuunnitelma", "Åtgärdsplan", "Action plan");
    R_OWNER = ("Vastuuhenkilö", "Ansvarig", "Owner");
    R_DEADLINE = ("Määräaika", "Tidsfrist", "Deadline");
    R_STATUS = ("Tila", "Status", "Status");
    R_ANSWERS = ("Vastaukset", "Svar", "Answers");
    R_PRIORITY = ("Järjestys", "Prioritet", "Priority");
    R_BAND_LEGEND = (
        "Tasot: {0}. Väri toistaa tason nimen; pisteet ja tason nimi on aina kirjoitettu näkyviin.",
        "Nivåer: {0}. Färgen upprepar nivåns namn; poängen och nivåns namn står alltid utskrivna.",
        "Bands: {0}. The colour repeats the band's name; the score and the band's name are always written out."
    );
    /// Why a JSON file is not a report; the library's own words follow on a cause line.
    R_NO_SCHEMA = ("kenttä `schema` puuttuu", "fältet `schema` saknas", "no `schema` field");
    R_OTHER_SCHEMA = ("sen muoto on `{0}`", "dess format är `{0}`", "its schema is `{0}`");
    R_NOT_AN_OBJECT = (
        "se ei ole JSON-objekti, jossa on tekstikenttä `schema`",
        "den är inte ett JSON-objekt med textfältet `schema`",
        "it is not a JSON object with a text field `schema`"
    );
    R_WRONG_FIELD = (
        "rivillä {0}, sarakkeessa {1} kentän arvo on väärää tyyppiä tai pakollinen kenttä puuttuu",
        "på rad {0}, kolumn {1} har ett fält ett värde av fel typ eller saknas ett obligatoriskt fält",
        "at line {0}, column {1} a field has a value of the wrong type or a required field is missing"
    );
    R_JSON_SYNTAX = ("JSON-syntaksivirhe", "syntaxfel i JSON", "JSON syntax error");
    /// The label of an indented line that gives a library's own words for an error.
    CAUSE = ("syy", "orsak", "cause");
    R_UNKNOWN_SCHEMA = (
        "`{0}` ei ole tuettu raporttimuoto (`{1}`); tämä versio lukee muotoa `{2}`",
        "`{0}` har ett rapportformat som inte stöds (`{1}`); den här versionen läser formatet `{2}`",
        "`{0}` has a report format that is not supported (`{1}`); this version reads `{2}`"
    );
    R_NOT_A_REPORT = (
        "`{0}` ei ole kuntakompassin raportti: {1}",
        "`{0}` är inte en rapport från kuntakompassi: {1}",
        "`{0}` is not a kuntakompassi report: {1}"
    );
    R_BINARY_TO_TERMINAL = (
        "XLSX-tiedostoa ei kirjoiteta päätteelle; anna tiedosto valitsimella -o",
        "En XLSX-fil skrivs inte till terminalen; ange en fil med -o",
        "an XLSX file is not written to a terminal; give a file with -o"
    );
    // Comparison (issue 7).
    C_NOTHING = ("vertailtavia raportteja ei löytynyt", "inga rapporter att jämföra hittades", "no reports to compare were found");
    C_MIXED = (
        "eri kyselyjen raportteja ei voi vertailla: {0}",
        "rapporter från olika enkäter kan inte jämföras: {0}",
        "reports of different questionnaires cannot be compared: {0}"
    );
    C_DUPLICATE = (
        "`{0}` on saman kunnan saman päivän raportti kuin `{1}`; se lasketaan vain kerran",
        "`{0}` är en rapport för samma kommun och dag som `{1}`; den räknas bara en gång",
        "`{0}` is a report of the same municipality and date as `{1}`; it is counted once"
    );
    C_VERSIONS = (
        "kyselyn versiot {0} vertaillaan yhteisillä teemoilla ja kysymyksillä ({1} % kysymyksistä); pois jäivät: {2}",
        "enkätens versioner {0} jämförs på de teman och frågor de har gemensamt ({1} % av frågorna); utelämnade: {2}",
        "questionnaire versions {0} are compared on the themes and questions they share ({1} % of the questions); left out: {2}"
    );
    C_EMPTY_FOLDER = ("kansiossa `{0}` ei ole yhtään JSON-raporttia", "mappen `{0}` innehåller inga JSON-rapporter", "folder `{0}` holds no JSON report");
    C_UNKNOWN = ("tuntematon", "okänd", "unknown");
    C_ALL = ("kaikki", "alla", "all");
    C_ANONYMOUS = ("Kunta {0}", "Kommun {0}", "Municipality {0}");
    C_TITLE = ("Kuntien vertailu", "Jämförelse mellan kommuner", "Comparison of municipalities");
    C_MATRIX = ("Kunnat", "Kommunerna", "Municipalities");
    C_RANK = ("Sija", "Placering", "Rank");
    C_DIFF = ("Ero ryhmän keskiarvoon", "Skillnad mot gruppens medelvärde", "Difference to the group mean");
    C_GROUP = ("Ryhmä", "Grupp", "Group");
    C_GROUPS = ("Ryhmät", "Grupperna", "Groups");
    C_N = ("lkm", "antal", "n");
    C_MEAN = ("Keskiarvo", "Medelvärde", "Mean");
    C_MEDIAN = ("Mediaani", "Median", "Median");
    C_MIN = ("Pienin", "Minsta", "Minimum");
    C_MAX = ("Suurin", "Största", "Maximum");
    C_WEAK = ("Yhteiset heikkoudet", "Gemensamma svaga punkter", "Shared weak spots");
    C_WEAK_INTRO = (
        "Kysymykset, joissa vertailtujen kuntien keskiarvo on matalin: ehdokkaat seudullisiksi ratkaisuiksi.",
        "Frågorna där de jämförda kommunernas medelvärde är lägst: kandidater för regionala lösningar.",
        "The questions with the lowest mean across the compared municipalities: candidates for joint regional solutions."
    );
    C_BELOW = ("Alle puolivälin", "Under mitten", "Below the middle");
    C_WEAK_FIGURES = (
        "keskiarvo {0}/100; alle asteikon puolivälin {1}/{2} vastanneesta kunnasta",
        "medelvärde {0}/100; under skalans mitt i {1} av {2} kommuner som svarat",
        "mean {0}/100; below the middle of the scale in {1} of {2} municipalities that answered"
    );
    C_MIL = ("Kypsyystasot", "Mognadsnivåer", "Maturity levels");
    C_MIL_INTRO = (
        "Kunkin kunnan kypsyystaso (0–3) ja käytännöt, joita sen seuraava taso vielä vaatii.",
        "Varje kommuns mognadsnivå (0–3) och de rutiner som dess nästa nivå ännu kräver.",
        "Each municipality's maturity level (0–3) and the practices its next level still needs."
    );
    C_MIL_NEXT = ("Seuraavalle tasolle tarvitaan", "För nästa nivå behövs", "Needed for the next level");
    C_MIL_TO_LEVEL = ("tasolle {0}: {1}", "för nivå {0}: {1}", "to reach {0}: {1}");
    C_MIL_TOP = ("ylin taso", "den högsta nivån", "the top level");
    C_MIL_UNREACHABLE = ("tasolle {0} ei näillä vastauksilla päästä", "nivå {0} kan inte nås med dessa svar", "level {0} cannot be reached with these answers");
    C_MIL_UNKNOWN = ("ei tiedossa: raportissa on vain taso", "okänt: rapporten har bara nivån", "not known: the report holds the level only");
    C_MIL_SHARED = ("Yhteiset esteet seuraavalle kypsyystasolle", "Gemensamma hinder för nästa mognadsnivå", "Shared obstacles to the next maturity level");
    C_MIL_SHARED_INTRO = (
        "Käytännöt, jotka useimmin estävät kuntia pääsemästä seuraavalle kypsyystasolle: ehdokkaita yhteiseksi seudulliseksi työksi.",
        "De rutiner som oftast hindrar kommunerna från att nå nästa mognadsnivå: kandidater för gemensamt regionalt arbete.",
        "The practices that most often keep municipalities from their next maturity level: candidates for joint regional work."
    );
    C_MIL_BLOCKS = ("Estää tason", "Hindrar nivå", "Blocks level");
    C_MIL_BLOCKED = ("Kunnat", "Kommuner", "Municipalities");
    C_MIL_BLOCKED_LINE = ("estää tason {0}: {1}/{2} kuntaa ({3})", "hindrar nivå {0}: {1} av {2} kommuner ({3})", "blocks level {0}: {1} of {2} municipalities ({3})");
    C_NO_MIL_SHARED = (
        "Mikään käytäntö ei estä useamman kuin yhden kunnan seuraavaa kypsyystasoa.",
        "Ingen rutin hindrar mer än en kommun från nästa mognadsnivå.",
        "No practice keeps more than one municipality from its next maturity level."
    );
    C_CHANGES = ("Muutos ajassa", "Förändring över tid", "Change over time");
    C_FROM_TO = ("Aikaväli", "Period", "Period");
    C_SERIES = ("Sarja", "Serie", "Series");
    C_NO_CHANGES = (
        "Yhdestäkään kunnasta ei ole useamman päivän raportteja.",
        "Det finns inte rapporter från flera dagar för någon kommun.",
        "No municipality has reports of more than one date."
    );
    C_SUMMARY_ROW = ("tuloksessa {0}", "i resultat {0}", "in result {0}");
    C_NOT_A_SUMMARY = (
        "`{0}` ei ole erän yhteenveto: {1}",
        "`{0}` är inte en sammanfattning av en sats: {1}",
        "`{0}` is not a batch summary: {1}"
    );
    C_SUMMARY_NO_ROWS = (
        "erän yhteenvedossa `{0}` ei ole yhtään riviä",
        "satsens sammanfattning `{0}` har inga rader",
        "batch summary `{0}` has no rows"
    );
    C_SUMMARY_QUESTIONNAIRE = (
        "erän yhteenvedosta `{0}` ei selviä, minkä kyselyn tuloksia se sisältää; säilytä erän raporttitiedostot samassa kansiossa yhteenvedon kanssa",
        "det går inte att avgöra vilken enkät satsens sammanfattning `{0}` gäller; behåll satsens rapportfiler i samma mapp som sammanfattningen",
        "cannot tell which questionnaire batch summary `{0}` belongs to; keep the batch's report files in the same folder as the summary"
    );
    C_TEXTS_KEPT = (
        "osa raporteista on tehty kyselyllä, jota ei ollut saatavilla tällä kielellä; niiden teemat, kysymykset ja toimenpiteet ovat kielellä {0}{1}",
        "en del rapporter har gjorts med en enkät som inte fanns på detta språk; deras teman, frågor och åtgärder står på {0}{1}",
        "some reports were made with a questionnaire not at hand in this language; their themes, questions and steps are in {0}{1}"
    );
    C_FROM_SUMMARY = (
        "{0} tulosta on luettu erän yhteenvedosta, jossa ei ole kysymyskohtaisia pisteitä; yhteiset heikkoudet lasketaan vain kokonaisista raporteista",
        "{0} resultat har lästs från en sammanfattning av en sats, som saknar poäng per fråga; de gemensamma svaga punkterna räknas enbart på fullständiga rapporter",
        "{0} results were read from a batch summary, which has no scores per question; the shared weak spots are drawn from full reports only"
    );
    C_NO_WEAK_SPOTS = (
        "Luettelo on tyhjä: vertailussa ei ole kysymyskohtaisia pisteitä, tai kaikki käytännöt ovat kaikissa kunnissa täysin kunnossa.",
        "Listan är tom: jämförelsen saknar poäng per fråga, eller så är alla rutiner helt på plats i alla kommuner.",
        "The list is empty: the comparison has no scores per question, or every practice is fully in place everywhere."
    );
    C_BANDS = ("Tasot", "Nivåer", "Bands");
    C_COUNT = ("{0} kuntaa", "{0} kommuner", "{0} municipalities");
    C_BY_REGION = ("ryhmittely maakunnittain", "grupperade per landskap", "grouped by region");
    C_BY_SIZE_CLASS = ("ryhmittely kokoluokittain", "grupperade per storleksklass", "grouped by size class");
    C_BY_NONE = ("ei ryhmittelyä", "ingen gruppering", "not grouped");
    C_ANONYMIZED = (
        "Kunnat on anonymisoitu: nimet, kuntanumerot, maakunnat ja päivämäärät on jätetty pois, samoin ryhmät, joissa on alle kolme kuntaa.",
        "Kommunerna är anonymiserade: namn, kommunnummer, landskap och datum har utelämnats, liksom grupper med färre än tre kommuner.",
        "The municipalities are anonymised: names, municipality codes, regions and dates are left out, as are groups of fewer than three municipalities."
    );
    C_HEATMAP = ("Lämpökartta: kunnat ja teemat", "Värmekarta: kommuner och teman", "Heat map: municipalities and themes");
    C_HEATMAP_INTRO = (
        "Jokaisessa solussa on pisteet (0–100), taso ja ero ryhmän keskiarvoon. Väri toistaa tason nimen.",
        "Varje cell visar poängen (0–100), nivån och skillnaden mot gruppens medelvärde. Färgen upprepar nivåns namn.",
        "Each cell shows the score (0–100), the band and the difference to the group mean. The colour repeats the band's name."
    );
    C_GROUP_CHARTS = ("Ryhmien keskiarvot teemoittain", "Gruppernas medelvärden per tema", "Group means by theme");
    C_GROUP_CHART_ALT = ("Ryhmien keskiarvot: {0}", "Gruppernas medelvärden: {0}", "Group means: {0}");
    C_NO_GROUPS = (
        "Ryhmätilastoja ei ole: anonymisoidusta vertailusta jätetään pois ryhmät, joissa on alle kolme kuntaa.",
        "Det finns ingen gruppstatistik: en anonymiserad jämförelse utelämnar grupper med färre än tre kommuner.",
        "No group statistics: an anonymised comparison leaves out groups of fewer than three municipalities."
    );
    C_CHANGE_CHART_ALT = ("Kokonaisindeksi ajassa: {0}", "Helhetsindexet över tid: {0}", "Overall index over time: {0}");
    C_FIRST = ("Ensimmäinen", "Första", "First");
    C_LAST = ("Viimeisin", "Senaste", "Latest");
    C_CHANGE = ("Muutos", "Förändring", "Change");
    C_REPORT_NUMBER = ("raportti {0}", "rapport {0}", "report {0}");
    C_SIZE_CLASS = ("Kokoluokka", "Storleksklass", "Size class");
    /// Size classes in words: the smallest, one between two bounds, the largest.
    SIZE_UNDER = ("alle {0} asukasta", "under {0} invånare", "under {0} residents");
    SIZE_BETWEEN = ("{0}–{1} asukasta", "{0}–{1} invånare", "{0}–{1} residents");
    SIZE_FROM = ("vähintään {0} asukasta", "minst {0} invånare", "{0} residents or more");
    C_CODE = ("Kuntanumero", "Kommunnummer", "Municipality code");
    C_ANSWERED = ("Vastanneita kuntia", "Kommuner som svarat", "Municipalities answering");
    C_XLSX_TO_TERMINAL = (
        "XLSX-tiedostoa ei kirjoiteta päätteelle; anna tiedosto valitsimella -o, esimerkiksi `-o vertailu.xlsx`",
        "en XLSX-fil skrivs inte till terminalen; ange en fil med -o, till exempel `-o jamforelse.xlsx`",
        "an XLSX file is not written to a terminal; give a file with -o, for example `-o comparison.xlsx`"
    );

    // Batch scoring (issue 6)
    B_FORMAT_NOT_FOR_BATCH = (
        "erän yhteenveto on table, csv, json tai xlsx; yksittäisen raportin voi muuntaa komennolla `kuntakompassi report`",
        "en satsens sammanfattning är table, csv, json eller xlsx; en enskild rapport kan omvandlas med `kuntakompassi report`",
        "a batch's summary is table, csv, json or xlsx; a single report can be rendered with `kuntakompassi report`"
    );
    B_NOTE = ("huom", "obs", "note");
    B_READ_AS_CSV = ("luettu merkistönä {0}, erottimena `{1}`", "läst som {0}, med avgränsaren `{1}`", "read as {0}, delimiter `{1}`");
    B_READ_AS_SHEET = ("luettu välilehti `{0}`", "läste bladet `{0}`", "read sheet `{0}`");
    B_CHOSE_QUESTIONNAIRE = (
        "pisteytetään kyselyllä `{0}` sarakeotsikoiden perusteella; valitse toinen valitsimella -q",
        "poängsätts med enkäten `{0}` utifrån kolumnrubrikerna; välj en annan med -q",
        "scoring with questionnaire `{0}`, chosen by the column headers; choose another with -q"
    );
    B_ASIDE_LIMESURVEY = ("LimeSurveyn lisäämä sarake; jätetään sivuun", "kolumn som LimeSurvey lägger till; lämnas åt sidan", "a column LimeSurvey adds; left aside");
    B_ASIDE_FORMS = ("Microsoft Formsin lisäämä sarake; jätetään sivuun", "kolumn som Microsoft Forms lägger till; lämnas åt sidan", "a column Microsoft Forms adds; left aside");
    B_ASIDE_ERRORS = ("aiemman ajon virhesarake; jätetään sivuun", "felkolumnen från en tidigare körning; lämnas åt sidan", "the error column of an earlier run; left aside");
    B_ASIDE_MAPPED = ("--map-tiedosto jättää sarakkeen sivuun", "--map-filen lämnar kolumnen åt sidan", "left aside by the --map file");
    B_UNKNOWN_COLUMN = (
        "tuntematon sarake: se ei ole kysymyksen tunnus, kysymyksen teksti eikä vastaajan tieto; nimeä se --map-tiedostossa tai poista se",
        "okänd kolumn: den är varken en frågas id, en frågas text eller en uppgift om den svarande; ange den i en --map-fil eller ta bort den",
        "unknown column: not a question id, a question's text or a respondent field; map it with --map or remove it"
    );
    B_PART_NOT_AN_OPTION = (
        "kysymyksen `{0}` vastaus luettiin pilkulla ja välilyönnillä (`, `) erotettuina vaihtoehtoina, mutta `{1}` ei ole mikään sen vaihtoehdoista {2}",
        "svaret på frågan `{0}` lästes som alternativ åtskilda med komma och mellanslag (`, `), men `{1}` är inget av dess alternativ {2}",
        "the answer to question `{0}` was read as options separated by a comma and a space (`, `), but `{1}` is none of its options {2}"
    );
    B_UNKNOWN_COLUMN_LIKE_TEXT = (
        "tuntematon sarake; otsikko muistuttaa kysymyksen `{0}` tekstiä (muokattiinko sitä kyselytyökalussa?): jos se on tämä kysymys, lisää --map-tiedostoon rivi `\"otsikko\" = \"{0}\"`",
        "okänd kolumn; rubriken liknar texten i frågan `{0}` (ändrades den i enkätverktyget?): om den är den frågan, lägg till raden `\"rubrik\" = \"{0}\"` i en --map-fil",
        "unknown column; the header reads like the text of question `{0}` (was it edited in the survey tool?): if it is that question, add `\"header\" = \"{0}\"` to a --map file"
    );
    B_NO_HEADER_WITH_DATA = (
        "sarakkeella ei ole otsikkoa, mutta siinä on tietoja (ensimmäinen rivillä {0}); anna sille otsikko tai poista se, jotta mitään ei jätetä huomiotta",
        "kolumnen har ingen rubrik men innehåller data (första på rad {0}); ge den en rubrik eller ta bort den, så att inget lämnas obeaktat",
        "the column has no header but holds data (first on line {0}); give it a header or remove it, so that nothing is passed over"
    );
    B_UNKNOWN_COLUMN_SUGGEST = (
        "tuntematon sarake; tarkoititko `{0}`? Voit myös nimetä sarakkeen --map-tiedostossa",
        "okänd kolumn; menade du `{0}`? Du kan också ange kolumnen i en --map-fil",
        "unknown column; did you mean `{0}`? Or map it with --map"
    );
    B_DUPLICATE_COLUMN = ("`{0}` on jo sarakkeessa {1}", "`{0}` finns redan i kolumn {1}", "`{0}` is already in column {1}");
    B_MISSING_MUNICIPALITY = (
        "sarake `municipality` (kunta) puuttuu; lisää se tai nimeä kuntasarake --map-tiedostossa",
        "kolumnen `municipality` (kommun) saknas; lägg till den eller ange kommunkolumnen i en --map-fil",
        "the `municipality` column is missing; add it, or map the municipality's column with --map"
    );
    B_OPTION_COLUMN_NOT_MULTI = ("`{0}` ei ole monivalintakysymys, joten sillä ei voi olla vaihtoehtosarakkeita", "`{0}` är ingen flervalsfråga och kan inte ha alternativkolumner", "`{0}` is not a multi question, so it cannot have option columns");
    B_OPTION_COLUMN_UNKNOWN = ("kysymyksellä `{0}` ei ole vaihtoehtoa `{1}`; vaihtoehdot: {2}", "frågan `{0}` har inget alternativ `{1}`; alternativen: {2}", "question `{0}` has no option `{1}`; its options: {2}");
    B_MAP_BAD_TARGET = (
        "--map nimeää sarakkeen `{0}`:ksi, joka ei ole kysymyksen tunnus eikä vastaajan tieto",
        "--map anger kolumnen som `{0}`, som varken är en frågas id eller en uppgift om den svarande",
        "--map maps the column to `{0}`, which is neither a question id nor a respondent field"
    );
    B_MAP_UNUSED = ("sarakekartan otsikkoa `{0}` ei ole tiedostossa", "kolumnkartans rubrik `{0}` finns inte i filen", "the column map's header `{0}` is not in the file");
    B_MAP_NOT_TABLE = ("`columns` on kirjoitettava taulukkona `[columns]`", "`columns` ska skrivas som en tabell `[columns]`", "`columns` must be a table, `[columns]`");
    B_MAP_NOT_STRING = ("sarakkeen `{0}` kohteen on oltava merkkijono", "målet för kolumnen `{0}` ska vara en sträng", "the target of column `{0}` must be a string");
    B_MAP_HAS_ERRORS = ("sarakekartassa `{0}` on virheitä: {1}; mitään ei kirjoitettu", "kolumnkartan `{0}` innehåller fel: {1}; ingenting skrevs", "column map `{0}` has errors: {1}; nothing was written");
    B_GROUP_COLUMN_MISSING = ("ryhmittelysaraketta `{0}` ei ole", "grupperingskolumnen `{0}` finns inte", "there is no column `{0}` to group by");
    B_HEADER_HINT = (
        "vinkki: `kuntakompassi questionnaire template` kirjoittaa oikeat otsikot; muut otsikot voi nimetä --map-tiedostossa ([columns] \"otsikko\" = \"kysymyksen.tunnus\")",
        "tips: `kuntakompassi questionnaire template` skriver rätt rubriker; andra rubriker kan anges i en --map-fil ([columns] \"rubrik\" = \"frågans.id\")",
        "hint: `kuntakompassi questionnaire template` writes the right headers; map other headers with a --map file ([columns] \"header\" = \"question.id\")"
    );
    B_HEADER_PROBLEMS = ("tiedoston `{0}` otsikkorivillä on ongelmia: {1}; mitään ei kirjoitettu", "rubrikraden i `{0}` har problem: {1}; ingenting skrevs", "the header row of `{0}` has problems: {1}; nothing was written");
    B_NOT_UTF8 = ("solu ei ole UTF-8-tekstiä; kokeile valitsinta --encoding windows-1252", "cellen är inte UTF-8-text; prova --encoding windows-1252", "the cell is not UTF-8 text; try --encoding windows-1252");
    B_EMPTY_MUNICIPALITY = ("kunnan nimi puuttuu", "kommunens namn saknas", "the municipality is missing");
    B_BAD_POPULATION = ("asukasluku `{0}` ei ole kokonaisluku", "invånarantalet `{0}` är inget heltal", "population `{0}` is not a whole number");
    B_BAD_OPTION_MARK = ("`{0}` ei kelpaa vaihtoehtosarakkeeseen: kirjoita `Y`, kun vaihtoehto on valittu, muuten jätä tyhjäksi", "`{0}` passar inte i en alternativkolumn: skriv `Y` när alternativet är valt, annars lämna tomt", "`{0}` does not fit an option column: write `Y` when the option is chosen, else leave it empty");
    B_EMPTY_GROUP = ("ryhmittelysarake on tyhjä", "grupperingskolumnen är tom", "the column to group by is empty");
    B_SHORT_ROW = ("rivillä on {0} solua, otsikkorivillä {1}: onko rivi katkennut tai erotin puuttuu?", "raden har {0} celler, rubrikraden {1}: är raden avbruten eller saknas en avgränsare?", "the row has {0} cells, the header {1}: is it cut short, or is a delimiter missing?");
    B_EXTRA_CELLS = ("rivillä on {0} solua, otsikkorivillä vain {1}: ylimääräinen solu ilman otsikkoa", "raden har {0} celler, rubrikraden bara {1}: en extra cell utan rubrik", "the row has {0} cells, the header only {1}: a cell without a header");
    B_STRICT_STOPPED = ("--strict: `{0}` rivillä {1} on virheitä; mitään ei kirjoitettu", "--strict: `{0}` har fel på rad {1}; ingenting skrevs", "--strict: `{0}` has errors on line {1}; nothing was written");
    B_ERROR_COLUMN = ("virheet", "fel", "errors");
    B_COUNT = ("{0} riviä: {1} pisteytetty, {2} hylätty", "{0} rader: {1} poängsatta, {2} avvisade", "{0} rows: {1} scored, {2} rejected");
    B_COUNT_INCOMPLETE = (", {0} keskeneräistä", ", {0} ofullständiga", ", {0} incomplete");
    B_COUNT_OTHER = (
        "; {0} kysymystä vastattiin vain vaihtoehdolla ”muu” (jätetty pisteyttämättä, teksti kysymyksen huomautuksena)",
        "; {0} frågor besvarades endast med ”annat” (inte poängsatta, texten som frågans anteckning)",
        "; {0} questions were answered only with \"other\" (left unscored, the text kept as the question's note)"
    );
    B_READ_AS_OTHER = (
        "`{0}` ei ole kysymyksen vaihtoehto, joten se luetaan vastaukseksi ”muu” ja tallennetaan kysymyksen huomautukseksi (ensimmäinen tässä sarakkeessa)",
        "`{0}` är inget av frågans alternativ och läses därför som svaret ”annat” och sparas som frågans anteckning (den första i kolumnen)",
        "`{0}` is none of the question's options, so it is read as an \"other\" answer and kept as the question's note (the first in this column)"
    );
    B_OTHER_PREFIX = ("Muu: ", "Annat: ", "Other: ");
    B_INCOMPLETE_NOT_SUBMITTED = (
        "keskeneräinen vastaus: lähetysaika puuttuu (pisteytä mukaan valitsimella --include-incomplete)",
        "ofullständigt svar: tidpunkten för inskickandet saknas (poängsätt med --include-incomplete)",
        "incomplete response: it was never submitted (score it with --include-incomplete)"
    );
    B_INCOMPLETE_LAST_PAGE = (
        "keskeneräinen vastaus: vastaaja pääsi sivulle {0}, kyselyn viimeinen sivu on {1} (pisteytä mukaan valitsimella --include-incomplete)",
        "ofullständigt svar: den svarande kom till sidan {0}, enkätens sista sida är {1} (poängsätt med --include-incomplete)",
        "incomplete response: the respondent reached page {0}, the survey's last page is {1} (score it with --include-incomplete)"
    );
    B_ASIDE_COUNT = (
        "{0} saraketta, jotka {1} lisää, jätetään sivuun: {2}",
        "{0} kolumner som {1} lägger till lämnas åt sidan: {2}",
        "{0} columns that {1} adds are left aside: {2}"
    );
    B_SUBMITTED_USED = (
        "sarake `{0}` kertoo, milloin vastaus lähetettiin: tyhjä tarkoittaa keskeneräistä vastausta, ja raportin päivämäärä otetaan siitä, kun päivämääräsaraketta ei ole",
        "kolumnen `{0}` visar när svaret skickades in: tom betyder ett ofullständigt svar, och rapportens datum tas därifrån när det inte finns någon datumkolumn",
        "column `{0}` tells when the response was submitted: empty means incomplete, and the report's date is taken from it when there is no date column"
    );
    B_SECOND_HEADER = (
        "rivi on toinen otsikkorivi (Webropol): monivalintakysymysten vaihtoehdot luetaan sen sarakkeista",
        "raden är en andra rubrikrad (Webropol): flervalsfrågornas alternativ läses ur dess kolumner",
        "the row is a second header row (Webropol): the options of multiple-choice questions are read from its columns"
    );
    B_SECOND_HEADER_UNCLEAR = (
        "rivi näyttää toiselta otsikkoriviltä (kunnan solu on tyhjä ja siinä on vaihtoehtojen nimiä), mutta tämä solu ei ole sen yläpuolella olevan monivalintakysymyksen vaihtoehto; korjaa otsikot tai nimeä sarakkeet --map-tiedostossa",
        "raden ser ut som en andra rubrikrad (kommunens cell är tom och den har alternativs namn), men den här cellen är inget alternativ till flervalsfrågan ovanför; rätta rubrikerna eller ange kolumnerna i en --map-fil",
        "the row looks like a second header row (its municipality cell is empty and it holds option labels), but this cell is no option of the multiple-choice question above it; fix the headers or map the columns with --map"
    );
    B_MAP_BAD_VALUE = (
        "vastauksen `{0}` merkitys on annettava tekstinä, lukuna, totuusarvona tai vaihtoehtojen luettelona",
        "betydelsen av svaret `{0}` ska anges som text, tal, sanningsvärde eller lista av alternativ",
        "the meaning of answer `{0}` must be a text, a number, true/false or a list of options"
    );
    B_COUNT_BLANK = (" ({0} tyhjää riviä ohitettu)", " ({0} tomma rader överhoppade)", " ({0} blank rows skipped)");
    B_COUNT_REJECTED_IN = ("; hylätyt rivit: {0}", "; avvisade rader: {0}", "; rejected rows: {0}");
    B_MORE_ERRORS = ("… ja {0} virhettä lisää hylättyjen rivien tiedostossa", "… och {0} fel till i filen med avvisade rader", "… and {0} more errors in the file of rejected rows");
    B_OUTPUT_AND_OUT_DIR = ("anna joko -o tai --out-dir, ei molempia", "ange antingen -o eller --out-dir, inte båda", "give either -o or --out-dir, not both");
    B_BAD_DELIMITER = ("erotin `{0}` ei kelpaa: käytä `,` `;` `tab` tai `|`", "avgränsaren `{0}` är ogiltig: använd `,` `;` `tab` eller `|`", "delimiter `{0}` is not one of `,` `;` `tab` `|`");
    B_WB_NOT_ZIP = (
        "`{0}` ei ole XLSX-työkirja (se ei ole zip-paketti); jos se on CSV-tiedosto, anna sille pääte `.csv`",
        "`{0}` är ingen XLSX-arbetsbok (den är inget zip-arkiv); om den är en CSV-fil, ge den ändelsen `.csv`",
        "`{0}` is not an XLSX workbook (it is not a zip archive); if it is a CSV file, name it `.csv`"
    );
    B_WB_ENCRYPTED = (
        "työkirja `{0}` on suojattu salasanalla (salattu), eikä sitä voi lukea; poista salasana Excelissä (Tiedosto › Tiedot › Suojaa työkirja) ja tallenna se uudelleen, tai tallenna se CSV-muodossa",
        "arbetsboken `{0}` är lösenordsskyddad (krypterad) och kan inte läsas; ta bort lösenordet i Excel (Arkiv › Info › Skydda arbetsbok) och spara den igen, eller spara den som CSV",
        "workbook `{0}` is password-protected (encrypted) and cannot be read; remove the password in Excel (File › Info › Protect Workbook) and save it again, or save it as CSV"
    );
    B_WB_XLS = (
        "`{0}` on vanhan Excelin (97–2003) .xls-työkirja tai muu vanha Office-tiedosto, ei XLSX; tallenna se Excelissä .xlsx- tai CSV-muodossa",
        "`{0}` är en arbetsbok från gamla Excel (97–2003, .xls) eller en annan gammal Office-fil, inte XLSX; spara den i Excel som .xlsx eller CSV",
        "`{0}` is an old Excel (97–2003) .xls workbook or another old Office file, not XLSX; save it in Excel as .xlsx or CSV"
    );
    B_WB_ODS = (
        "`{0}` on OpenDocument-laskentataulukko (.ods), jota ei lueta; tallenna se .xlsx- tai CSV-muodossa (LibreOffice: Tiedosto › Tallenna nimellä)",
        "`{0}` är ett OpenDocument-kalkylblad (.ods), som inte läses; spara det som .xlsx eller CSV (LibreOffice: Arkiv › Spara som)",
        "`{0}` is an OpenDocument spreadsheet (.ods), which is not read; save it as .xlsx or CSV (LibreOffice: File › Save As)"
    );
    B_WB_XLSB = (
        "`{0}` on Excelin binäärityökirja (.xlsb), jota ei lueta; tallenna se .xlsx- tai CSV-muodossa",
        "`{0}` är en binär Excel-arbetsbok (.xlsb), som inte läses; spara den som .xlsx eller CSV",
        "`{0}` is a binary Excel workbook (.xlsb), which is not read; save it as .xlsx or CSV"
    );
    B_WB_NOT_WORKBOOK = (
        "`{0}` on zip-paketti mutta ei Excel-työkirja (siinä ei ole osaa `xl/workbook.xml`)",
        "`{0}` är ett zip-arkiv men ingen Excel-arbetsbok (den har ingen del `xl/workbook.xml`)",
        "`{0}` is a zip archive but not an Excel workbook (it has no part `xl/workbook.xml`)"
    );
    B_WB_LIMIT = (
        "{0}: työkirjaa ei lueta: osa `{1}`: {2}",
        "{0}: arbetsboken läses inte: delen `{1}`: {2}",
        "{0}: the workbook is not read: part `{1}`: {2}"
    );
    B_WB_LIMIT_ARCHIVE = ("{0}: työkirjaa ei lueta: {1}", "{0}: arbetsboken läses inte: {1}", "{0}: the workbook is not read: {1}");
    L_ENTRIES = (
        "paketissa on {0} osaa, enemmän kuin raja {1}",
        "arkivet har {0} delar, fler än gränsen {1}",
        "the archive holds {0} parts, more than the limit of {1}"
    );
    L_PART_SIZE = (
        "se purkautuu suuremmaksi kuin tällaisen osan raja {0}",
        "den packas upp till mer än gränsen för en sådan del, {0}",
        "it unpacks to more than {0}, the limit for a part of its kind"
    );
    L_DECLARED = (
        "siinä on enemmän kuin paketin hakemiston ilmoittamat {0} tavua",
        "den innehåller mer än de {0} byte som arkivets katalog anger",
        "it holds more than the {0} bytes the archive's directory declares"
    );
    L_TOTAL = (
        "osat purkautuvat yhteensä suuremmiksi kuin raja {0}",
        "delarna packas upp till mer än gränsen {0} sammanlagt",
        "the parts unpack to more than {0} in all, the limit"
    );
    L_RATIO = (
        "se on pakattu tiiviimmin kuin {0}:1, mihin mikään taulukko ei pakkaudu (purkupommi?)",
        "den är packad tätare än {0}:1, vilket inget kalkylblad blir (en dekomprimeringsbomb?)",
        "it is packed more densely than {0} to 1, as no spreadsheet is (a decompression bomb?)"
    );
    L_DEPTH = (
        "sen elementit on sisäkkäin syvemmällä kuin raja {0}",
        "dess element är nästlade djupare än gränsen {0}",
        "its elements are nested deeper than the limit of {0}"
    );
    L_EVENT = (
        "siinä on tagi tai teksti, joka on pidempi kuin raja {0}",
        "den har en tagg eller text som är längre än gränsen {0}",
        "it has a tag or a text longer than the limit of {0}"
    );
    L_CELL = ("solu on pidempi kuin raja {0}", "en cell är längre än gränsen {0}", "a cell is longer than the limit of {0}");
    L_ROW = ("rivi on pidempi kuin raja {0}", "en rad är längre än gränsen {0}", "a row is longer than the limit of {0}");
    L_STRINGS = (
        "siinä on enemmän jaettuja merkkijonoja kuin raja {0}",
        "den har fler delade strängar än gränsen {0}",
        "it has more shared strings than the limit of {0}"
    );
    L_ROWS = ("siinä on enemmän rivejä kuin raja {0}", "den har fler rader än gränsen {0}", "it has more rows than the limit of {0}");
    L_CELLS = ("siinä on enemmän soluja kuin raja {0}", "den har fler celler än gränsen {0}", "it has more cells than the limit of {0}");
    L_COLUMNS = (
        "solu sarakkeessa {0}, viimeisen sarakkeen ({1}) jälkeen",
        "en cell i kolumn {0}, efter den sista kolumnen ({1})",
        "a cell in column {0}, past the last column ({1})"
    );
    L_REFERENCE = (
        "solun paikka `{0}` on taulukon ulkopuolella (viimeinen sarake XFD, viimeinen rivi 1048576) tai alue kulkee takaperin",
        "cellens plats `{0}` ligger utanför bladet (sista kolumnen XFD, sista raden 1048576) eller området går baklänges",
        "the cell place `{0}` is outside the sheet (last column XFD, last row 1048576), or the range runs backwards"
    );
    B_WORKBOOK_ERROR = ("työkirjaa `{0}` ei voi lukea: {1}", "arbetsboken `{0}` kan inte läsas: {1}", "cannot read workbook `{0}`: {1}");
    B_NO_SHEET = ("työkirjassa `{0}` ei ole välilehteä `{1}`; sen välilehdet: {2}", "arbetsboken `{0}` har inget blad `{1}`; dess blad: {2}", "workbook `{0}` has no sheet `{1}`; its sheets: {2}");
    B_PROGRESS = ("{0} riviä, {1} riviä/s", "{0} rader, {1} rader/s", "{0} rows, {1} rows/s");
    B_GROUP_MEAN = ("keskiarvo {0} % (n = {1})", "medelvärde {0} % (n = {1})", "mean {0} % (n = {1})");
    B_EXPECT_YESNO_CELL = ("kyllä/ei, ja/nej, yes/no tai 1/0", "ja/nej, kyllä/ei, yes/no eller 1/0", "yes/no, kyllä/ei, ja/nej or 1/0");
    B_EXPECT_MULTI_CELL = (
        "vaihtoehtojen tunnuksia tai nimiä `|`-merkillä erotettuina",
        "alternativens id eller namn åtskilda med `|`",
        "option ids or labels separated by `|`"
    );
    B_T_GROUP = ("Ryhmä", "Grupp", "Group");
    B_T_RESPONDENT = ("Kunta (rivi)", "Kommun (rad)", "Municipality (line)");
    B_T_COMPLETENESS = ("Kattavuus", "Täckning", "Complete");
    B_X_LINE = ("Rivi", "Rad", "Line");
    B_X_RESPONDENT = ("Vastaaja", "Svarande", "Respondent");
    B_X_DEPARTMENT = ("Yksikkö", "Enhet", "Department");
    B_X_REPORT = ("Raporttitiedosto", "Rapportfil", "Report file");
    B_X_TOO_MANY_ROWS = (
        "yhteenveto ei mahdu XLSX-taulukkoon (enintään 1 048 575 riviä); kirjoita se CSV- tai JSON-muodossa",
        "sammanfattningen ryms inte i ett XLSX-blad (högst 1 048 575 rader); skriv den som CSV eller JSON",
        "the summary does not fit in an XLSX sheet (at most 1,048,575 rows); write it as CSV or JSON"
    );
    B_XLSX_NEEDS_FILE = (
        "XLSX-yhteenveto kirjoitetaan tiedostoon: anna -o TIEDOSTO.xlsx (--out-dir kirjoittaa aina myös summary.xlsx:n)",
        "en XLSX-sammanfattning skrivs till en fil: ange -o FIL.xlsx (--out-dir skriver alltid också summary.xlsx)",
        "an XLSX summary is written to a file: give -o FILE.xlsx (--out-dir always writes summary.xlsx as well)"
    );
    B_BAD_OUTPUT_EXTENSION = (
        "tiedostoon `{0}` ei voi kirjoittaa erän yhteenvetoa: pääte `{1}` ei ole mikään muodoista {2}",
        "satsens sammanfattning kan inte skrivas till `{0}`: ändelsen `{1}` är inte något av formaten {2}",
        "cannot write a batch's summary to `{0}`: the extension `{1}` is none of {2}"
    );
    B_EXTENSION_NOT_FORMAT = (
        "tiedoston `{0}` pääte ei vastaa muotoa `{1}`: anna pääte `.{1}` tai jätä --format pois",
        "ändelsen på `{0}` motsvarar inte formatet `{1}`: ge ändelsen `.{1}` eller utelämna --format",
        "the extension of `{0}` does not match the format `{1}`: name it `.{1}` or leave --format out"
    );
    TPL_CODEBOOK_NEEDS_FILE = (
        "koodikirja kirjoitetaan tiedoston viereen: anna -o TIEDOSTO.csv",
        "kodboken skrivs bredvid filen: ange -o FIL.csv",
        "the codebook is written beside the file: give -o FILE.csv"
    );
    TPL_WRITTEN = ("pohja: {0}; koodikirja: {1}", "mall: {0}; kodbok: {1}", "template: {0}; codebook: {1}");
    TPL_XLSX_NEEDS_FILE = ("XLSX-pohja kirjoitetaan tiedostoon: anna -o TIEDOSTO.xlsx", "XLSX-mallen skrivs till en fil: ange -o FIL.xlsx", "an XLSX template is written to a file: give -o FILE.xlsx");
    TPL_SHEET_ANSWERS = ("vastaukset", "svar", "answers");
    TPL_SHEET_CODEBOOK = ("koodikirja", "kodbok", "codebook");
    TPL_COLUMN = ("sarake", "kolumn", "column");
    TPL_REQUIRED = ("pakollinen", "obligatorisk", "required");
    TPL_KIND = ("laji", "typ", "kind");
    TPL_MEANING = ("kysymys tai sisältö", "fråga eller innehåll", "question or content");
    TPL_ALLOWED = ("sallitut arvot", "tillåtna värden", "allowed values");
    TPL_VALUES = ("arvojen merkitys", "värdenas betydelse", "meaning of the values");
    TPL_MUNICIPALITY = ("kunnan nimi", "kommunens namn", "the municipality's name");
    TPL_MUNICIPALITY_CODE = ("Tilastokeskuksen kuntanumero", "Statistikcentralens kommunnummer", "Statistics Finland's municipality code");
    TPL_REGION = ("maakunta", "landskap", "the region");
    TPL_POPULATION = ("asukasluku", "invånarantal", "population");
    TPL_RESPONDENT = ("vastaajan nimi (vapaaehtoinen)", "den svarandes namn (frivilligt)", "the respondent's name (optional)");
    TPL_ROLE = ("vastaajan tehtävä", "den svarandes uppgift", "the respondent's role");
    TPL_DEPARTMENT = ("yksikkö tai toimiala", "enhet eller sektor", "unit or department");
    TPL_DATE = ("arvioinnin päivämäärä", "bedömningens datum", "the date of the assessment");
    TPL_ANY_TEXT = ("mikä tahansa teksti", "vilken text som helst", "any text");
    TPL_CODE_VALUES = ("kolme numeroa, esim. 049", "tre siffror, t.ex. 049", "three digits, e.g. 049");
    TPL_WHOLE_NUMBER = ("kokonaisluku", "heltal", "a whole number");
    TPL_DATE_VALUES = ("VVVV-KK-PP tai PP.KK.VVVV", "ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ", "YYYY-MM-DD or DD.MM.YYYY");
    TPL_MULTI_VALUES = ("yksi tai useampi, erottimena |: {0}", "ett eller flera, åtskilda med |: {0}", "one or more, separated by |: {0}");
    TPL_YESNO_VALUES = ("kyllä/ei, ja/nej, yes/no, 1/0", "ja/nej, kyllä/ei, yes/no, 1/0", "yes/no, kyllä/ei, ja/nej, 1/0");
    TPL_NUMBER_VALUES = ("luku {0}–{1} {2}, desimaalipilkku tai -piste", "tal {0}–{1} {2}, decimalkomma eller -punkt", "a number {0}–{1} {2}, decimal comma or point");

    // `questionnaire export --to limesurvey`: messages, and the texts the survey itself shows.
    LS_QUESTION_CODE_CLASH = (
        "kysymykset `{0}` ja `{1}` saisivat saman LimeSurvey-koodin `{2}`; nimeä toinen niistä uudelleen",
        "frågorna `{0}` och `{1}` skulle få samma LimeSurvey-kod `{2}`; byt namn på den ena",
        "questions `{0}` and `{1}` would get the same LimeSurvey code `{2}`; rename one of them"
    );
    LS_OPTION_CODE_CLASH = (
        "kysymyksen `{0}` vaihtoehdot `{1}` ja `{2}` saisivat saman LimeSurvey-koodin `{3}`; nimeä toinen niistä uudelleen",
        "alternativen `{1}` och `{2}` i frågan `{0}` skulle få samma LimeSurvey-kod `{3}`; byt namn på det ena",
        "options `{1}` and `{2}` of question `{0}` would get the same LimeSurvey code `{3}`; rename one of them"
    );
    LS_BAD_EXTENSION = (
        "LimeSurvey tuo kyselyn rakenteen vain .txt- tai .tsv-tiedostosta: anna tiedoston nimeksi esim. `{0}`",
        "LimeSurvey importerar enkätens struktur bara från en .txt- eller .tsv-fil: ge filen till exempel namnet `{0}`",
        "LimeSurvey imports a survey structure only from a .txt or .tsv file: name the file e.g. `{0}`"
    );
    LS_WRITTEN = (
        "{0}: kysely LimeSurveyyn, {1} kysymystä, kielet {2}. Tuo tiedosto LimeSurveyssä kohdassa Luo kysely → Tuo.",
        "{0}: enkät för LimeSurvey, {1} frågor, språk {2}. Importera filen i LimeSurvey under Skapa enkät → Importera.",
        "{0}: a LimeSurvey survey, {1} questions, languages {2}. Import the file in LimeSurvey under Create survey → Import."
    );
    LS_NONE_CHOSEN = ("Ei mitään näistä", "Inget av dessa", "None of these");
    LS_GROUP_RESPONDENT = ("Vastaajan tiedot", "Uppgifter om den svarande", "About the respondent");
    LS_GROUP_RESPONDENT_HELP = (
        "Kunnan ja vastaajan perustiedot. Kunnan nimi tarvitaan tulosten laskemiseen; muut tiedot ovat vapaaehtoisia.",
        "Grunduppgifter om kommunen och den svarande. Kommunens namn behövs för att resultaten ska kunna räknas ut; de övriga uppgifterna är frivilliga.",
        "Basic details of the municipality and the respondent. The municipality's name is needed to calculate the results; the other details are optional."
    );
    LS_Q_MUNICIPALITY = ("Kunta", "Kommun", "Municipality");
    LS_H_MUNICIPALITY = ("Kunnan nimi, esimerkiksi Kustavi.", "Kommunens namn, till exempel Gustavs.", "The municipality's name, for example Kustavi.");
    LS_Q_MUNICIPALITY_CODE = ("Kuntanumero", "Kommunnummer", "Municipality code");
    LS_H_MUNICIPALITY_CODE = (
        "Tilastokeskuksen kolminumeroinen kuntanumero, esimerkiksi 304. Numero löytyy Tilastokeskuksen kuntaluokituksesta.",
        "Statistikcentralens tresiffriga kommunnummer, till exempel 304. Numret finns i Statistikcentralens klassifikation av kommuner.",
        "Statistics Finland's three-digit municipality code, for example 304. It is listed in Statistics Finland's classification of municipalities."
    );
    LS_Q_REGION = ("Maakunta", "Landskap", "Region");
    LS_H_REGION = ("Maakunta, johon kunta kuuluu.", "Det landskap som kommunen hör till.", "The region the municipality belongs to.");
    LS_Q_POPULATION = ("Asukasluku", "Invånarantal", "Population");
    LS_H_POPULATION = (
        "Kunnan asukasluku viimeisimmän tilaston mukaan.",
        "Kommunens invånarantal enligt den senaste statistiken.",
        "The municipality's population according to the latest statistics."
    );
    LS_Q_RESPONDENT = ("Vastaajan nimi", "Den svarandes namn", "Respondent's name");
    LS_H_RESPONDENT = (
        "Vapaaehtoinen. Nimi tallennetaan kunnan raporttiin.",
        "Frivilligt. Namnet sparas i kommunens rapport.",
        "Optional. The name is stored in the municipality's report."
    );
    LS_Q_ROLE = ("Vastaajan tehtävä", "Den svarandes uppgift", "Respondent's role");
    LS_H_ROLE = (
        "Esimerkiksi tietohallintovastaava tai hallintojohtaja.",
        "Till exempel it-ansvarig eller förvaltningsdirektör.",
        "For example head of IT or head of administration."
    );
    LS_Q_DEPARTMENT = ("Yksikkö tai toimiala", "Enhet eller sektor", "Unit or department");
    LS_H_DEPARTMENT = (
        "Henkilöstökyselyssä yksikkö, jossa vastaaja työskentelee. Tulokset voidaan koota yksiköittäin.",
        "I en personalenkät den enhet där den svarande arbetar. Resultaten kan sammanställas per enhet.",
        "In a staff survey, the unit the respondent works in. The results can be grouped by unit."
    );
    LS_Q_DATE = ("Arvioinnin päivämäärä", "Datum för bedömningen", "Date of the assessment");
    LS_H_DATE = (
        "Jos kenttä jätetään tyhjäksi, päivämääränä käytetään vastauksen lähetyspäivää.",
        "Om fältet lämnas tomt används det datum då svaret skickades.",
        "If left empty, the date the response was submitted is used."
    );

    // Merging the sheets of several respondents (issue 23).
    M_OTHER_QUESTIONNAIRE = (
        "lomakkeita ei voi yhdistää: `{0}` vastaa kyselyyn `{1}`, mutta `{2}` kyselyyn `{3}`",
        "blanketterna kan inte slås ihop: `{0}` besvarar enkäten `{1}`, men `{2}` enkäten `{3}`",
        "the sheets cannot be merged: `{0}` answers questionnaire `{1}`, but `{2}` answers `{3}`"
    );
    M_OTHER_MUNICIPALITY = (
        "lomakkeita ei voi yhdistää: `{0}` on kunnan `{1}`, mutta `{2}` kunnan `{3}`; yhdistä vain saman kunnan vastaukset",
        "blanketterna kan inte slås ihop: `{0}` gäller kommunen `{1}`, men `{2}` kommunen `{3}`; slå bara ihop svar från samma kommun",
        "the sheets cannot be merged: `{0}` is for municipality `{1}`, but `{2}` is for `{3}`; merge only one municipality's answers"
    );
    M_DUPLICATE = (
        "`{1}` on sama vastauslomake kuin `{0}`; anna kunkin vastaajan lomake vain kerran",
        "`{1}` är samma svarsblankett som `{0}`; ange varje svarares blankett bara en gång",
        "`{1}` is the same answer sheet as `{0}`; give each respondent's sheet once"
    );
    M_SAME_FILE_TWICE = (
        "tiedosto `{0}` on annettu kahdesti",
        "filen `{0}` har angetts två gånger",
        "file `{0}` is given twice"
    );
    M_NO_MUNICIPALITY = (
        "lomakkeesta `{0}` puuttuu kunta (`respondent.municipality`); lisää se, jotta lomakkeen voi yhdistää",
        "blanketten `{0}` saknar kommun (`respondent.municipality`); lägg till den för att kunna slå ihop blanketten",
        "sheet `{0}` names no municipality (`respondent.municipality`); add it to merge the sheet"
    );
    M_UNFIT_KEPT = (
        "`{0}`: nämä vastaukset eivät sovi kyselyn versioon {1}; ne säilytetään yhdistetyssä lomakkeessa sellaisinaan:",
        "`{0}`: dessa svar passar inte version {1} av enkäten; de behålls oförändrade i den sammanslagna blanketten:",
        "`{0}`: these answers do not fit version {1} of the questionnaire; they are kept unchanged in the merged sheet:"
    );
    M_UNRESOLVED = (
        "{0} ristiriitaista vastausta jäi ratkaisematta, mitään ei kirjoitettu:\n{1}\nvalitse, kenen vastaus voittaa: `--prefer ROOLI` tai `--prefer TIEDOSTO`, tai yhdistä päätteessä ja ratkaise ristiriidat yksi kerrallaan",
        "{0} motstridiga svar förblev olösta, ingenting skrevs:\n{1}\nvälj vems svar som gäller: `--prefer ROLL` eller `--prefer FIL`, eller slå ihop i en terminal och lös konflikterna en i taget",
        "{0} conflicting answers are unresolved, nothing was written:\n{1}\nchoose whose answer wins: `--prefer ROLE` or `--prefer FILE`, or merge on a terminal and resolve them one by one"
    );
    M_CONFLICT_HEADING = (
        "Vastaukset kysymykseen `{0}` eroavat ({1}/{2}):",
        "Svaren på frågan `{0}` skiljer sig ({1}/{2}):",
        "The answers to `{0}` differ ({1}/{2}):"
    );
    M_PICK_PROMPT = ("Kenen vastaus otetaan?", "Vems svar tas?", "Whose answer is taken?");
    M_TAKE = ("Ota: {0}", "Ta: {0}", "Take: {0}");
    M_TAKE_KEEP = (
        "Ota: {0}, ja kirjaa muut vastaukset muistiinpanoon",
        "Ta: {0}, och skriv de andra svaren i anteckningen",
        "Take: {0}, and keep the others in the note"
    );
    M_NOTE_OTHER_ANSWERS = ("Muut vastaukset: {0}", "Andra svar: {0}", "Other answers: {0}");
    M_PREFER_AMBIGUOUS = (
        "`--prefer {0}` voi tarkoittaa useaa tiedostoa (`{1}`); anna tiedosto kansioineen",
        "`--prefer {0}` kan avse flera filer (`{1}`); ange filen med mapp",
        "`--prefer {0}` could mean several files (`{1}`); give the file with its folder"
    );
    M_HOW_PREFER = ("sääntö --prefer {0}", "regeln --prefer {0}", "rule --prefer {0}");
    M_HOW_PERSON = ("valittu yhdistettäessä", "valt vid sammanslagningen", "chosen when merging");
    M_CONFLICT_RECORD = ("{0} (muut: {1}; {2})", "{0} (andra: {1}; {2})", "{0} (others: {1}; {2})");
    M_MERGED = (
        "yhdistetty {0} lomaketta: {1} vastausta, {2} ristiriitaa ratkaistu",
        "{0} blanketter sammanslagna: {1} svar, {2} konflikter lösta",
        "merged {0} sheets: {1} answers, {2} conflicts resolved"
    );
    // Who answered and the resolved conflicts, in the report.
    R_ANSWERED_BY = ("Vastaajat", "Svarare", "Answered by");
    R_CONFLICTS_HEADING = ("Ratkaistut ristiriidat", "Lösta konflikter", "Resolved conflicts");
    R_RESOLUTION = ("Ratkaisu", "Lösning", "Resolution");
}

#[cfg(test)]
mod tests {
    use super::ALL;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = text
            .match_indices('{')
            .filter_map(|(i, _)| {
                let rest = &text[i + 1..];
                let end = rest.find('}')?;
                rest[..end].parse::<usize>().ok().map(|n| n.to_string())
            })
            .collect();
        found.sort();
        found.dedup();
        found
    }

    #[test]
    fn every_message_exists_in_all_three_languages() {
        for (name, tr) in ALL {
            for (lang, text) in [("fi", tr.fi), ("sv", tr.sv), ("en", tr.en)] {
                assert!(!text.trim().is_empty(), "{name} is empty in {lang}");
            }
        }
    }

    #[test]
    fn every_language_uses_the_same_placeholders() {
        for (name, tr) in ALL {
            let fi = placeholders(tr.fi);
            assert_eq!(placeholders(tr.sv), fi, "{name}: sv placeholders differ from fi");
            assert_eq!(placeholders(tr.en), fi, "{name}: en placeholders differ from fi");
        }
    }

    #[test]
    fn swedish_and_english_are_translations_not_copies() {
        // Short words that are the same in two languages by nature.
        let same_by_nature = ["T_THEME", "L_VERSION", "L_ID", "KIND_TEXT", "EXPECT_TEXT", "T_SCORE"];
        for (name, tr) in ALL {
            if same_by_nature.contains(name) {
                continue;
            }
            assert_ne!(tr.sv, tr.fi, "{name}: Swedish is a copy of Finnish");
            assert_ne!(tr.en, tr.fi, "{name}: English is a copy of Finnish");
        }
    }
}
