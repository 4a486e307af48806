"""Writes the group-hate packs: rules/src/X.toml uses {GP_FR}-style placeholders for the long
shared alternations (group nouns, dehumanising words), expanded here into rules/X.toml, which is
what the engine compiles and what is committed; the group nouns become the pack's named word
lists instead (`[nouns]`). Branches sharing a placeholder share one copy of
it first (rules/factor.py). Usage: python3 rules/expand.py (all sources)."""
import re
from pathlib import Path

import tomllib

import marked_check
from factor import factor_patterns, self_check
VOC = {}
VOC["GN_FR"] = r"(?:juifs|juives|feujs|arabes|rebeus|beurs|noirs|noires|blacks|renois|musulmans|musulmanes|migrants|migrantes|immigres|immigrees|refugies|refugiees|etrangers|etrangeres|clandestins|homos|gays|gais|homosexuels|homosexuelles|lesbiennes|bisexuels|trans|transgenres|femmes|meufs|roms|gitans|tsiganes|manouches|asiatiques|chinois|africains|africaines|maghrebins|turcs|comoriens|somaliens|haitiens|senegalais|maliens|algeriens|marocains|tunisiens|pakistanais|roumains|afghans|tchetchenes|ukrainiens|syriens|congolais|nigerians|kurdes|albanais|georgiens|ivoiriens|camerounais|lgbt|lgbtq|militants lgbt|feministes|handicapes|handicapees|autistes|chretiens|catholiques|blancs|pedes|gouines|personnes (?:trans|transgenres|handicapees|noires|racisees|lgbt|homosexuelles|musulmanes|juives|asiatiques|arabes|immigrees|migrantes|refugiees|autistes|roms))"
VOC["GP_FR"] = r"(?:(?:les |ces |tous les |toutes les |tous ces |toutes ces )?{GN_FR}|ces gens(?:-la| la)?|cette race)"
VOC["GS_FR"] = r"(?:juif|juive|feuj|arabe|rebeu|beur|noir|noire|black|renoi|musulman|musulmane|migrant|migrante|immigre|immigree|refugie|refugiee|etranger|etrangere|clandestin|homo|gay|homosexuel|homosexuelle|lesbienne|trans|femme|meuf|rom|gitan|gitane|asiatique|chinois|chinoise|africain|africaine|maghrebin|turc|afghan|tchetchene|ukrainien|syrien|congolais|nigerian|pakistanais|comorien|senegalais|malien|algerien|marocain|tunisien|roumain|feministe|handicape|handicapee|autiste|pede|gouine|personne (?:trans|handicapee|noire|racisee|musulmane|juive|asiatique|arabe|immigree|migrante|refugiee|autiste|rom))"
VOC["DEHUM_FR"] = r"(?:rats?|cafards?|blattes?|parasites?|vermines?|nuisibles?|insectes?|poux|microbes?|virus|bacteries?|animaux|betes?|bestiaux|betail|singes?|guenons?|macaques?|porcs?|cochons?|chiens?|chiennes?|hyenes?|sangsues?|vautours?|sous[- ]hommes?|sous[- ]humains?|sous[- ]races?|dechets?|ordures?|immondices?|detritus|excrements?|merdes?|sauvages|barbares|primates?|maladies?|cancers?|peste|choleras?|gangrenes?|plaies?|fleaux?|tumeurs?|infections?|epidemies?|poisons?|pourritures?|moins que rien|erreurs? de la nature|degeneres?|abominations?)"
# The negation a generalisation must not follow ("I don't think that …", "arrêtez de dire que …"),
# shared by the group rules' `unless`.
VOC["SAID_NOT_EN"] = r"""\b(?:not|don't|dont|never|stop|nobody|no one|zero|no evidence|myth|false|untrue|a lie)\b[^.!?"]{0,40}\b(?:that|say|saying|think|believe) (?:the |all |these |those )?"""
VOC["SAID_NOT_FR"] = r"""\b(?:ne|n'|pas|jamais|personne|faux|arreter|arretez|arrete|arretons|stop|cessez|cesser|depuis quand)\b[^.!?"]{0,50}\b(?:que|qu') (?:les |ces |des |tous les |toutes les )?"""
VOC["GN_EN"] = r"(?:jews|jewish people|arabs|black people|black folks|black ppl|blacks|muslims|migrants|immigrants|illegals|refugees|foreigners|asylum seekers|gays|gay people|gay ppl|gay folks|gay men|homosexuals|lesbians|bisexuals|trans people|trans ppl|trans folks|transgender people|trans women|trans men|transgenders|trannies|women|females|feminists|roma|gypsies|asians|chinese people|chinese|africans|mexicans|latinos|hispanics|pakistanis|indians|somalis|haitians|nigerians|romanians|afghans|turks|ukrainians|syrians|eritreans|kurds|albanians|congolese|illegal immigrants|illegal aliens|hindus|sikhs|christians|catholics|disabled people|disabled ppl|disabled folks|the disabled|cripples|autistic people|autistics|queers|queer people|lgbt people|white people|whites|these people|those people|that lot|their kind|your kind)"
VOC["GP_EN"] = r"(?:(?:all |these |those |the |all the |all these |all those |fucking |filthy |dirty )?{GN_EN})"
VOC["GS_EN"] = r"(?:jew|arab|black (?:person|guy|man|woman|girl|kid)|muslim|migrant|immigrant|illegal|refugee|foreigner|gay (?:person|guy|man|kid)|gay|homosexual|lesbian|trans (?:person|woman|man|kid)|tranny|woman|feminist|roma (?:person|guy|woman)|gypsy|asian (?:person|guy|man|woman)?|chinese (?:person|guy|man|woman)|african|mexican|latino|hindu|sikh|nigerian|pakistani|somali|haitian|indian|turk|afghan|ukrainian|syrian|romanian|albanian|kurd|disabled (?:person|guy|man|woman|kid)|cripple|autistic (?:person|kid)|queer)"
VOC["DEHUM_EN"] = r"(?:rats?|cockroach(?:es)?|roaches|parasites?|vermin|pests?|insects?|lice|leeches|bugs|germs|viruses|virus|bacteria|animals?|beasts?|cattle|livestock|apes?|monkeys?|baboons?|gorillas?|pigs?|swine|dogs?|hyenas?|vultures?|subhumans?|sub-humans?|sub humans?|garbage|trash|filth|scum|waste|excrement|shit|savages?|barbarians?|primates?|an? (?:disease|cancer|plague|virus|infection|epidemic|pestilence|tumou?r|poison|blight|scourge|sickness|infestation)|diseases?|cancers?|plagues?|tumou?rs?|poison|a blight|less than human|mistakes? of nature|degenerates?|abominations?|locusts?)"

# The group nouns stay named in the generated packs: the engine finds them once per text and
# the rules read a marker in their place (src/rules/nouns.rs), instead of compiling the lists
# again in each of about 150 patterns. The other placeholders are written out in full.
NOUN_LISTS = ("GN_FR", "GS_FR", "GN_EN", "GS_EN")


def written_out(name):
    text = VOC[name]
    for _ in range(3):
        text = re.sub(r"\{([A-Z_]+)\}", lambda m: VOC[m.group(1)], text)
    return text


def expand(s):
    s = factor_patterns(s)
    for _ in range(3):
        s = re.sub(r"\{([A-Z_]+)\}", lambda m: m.group(0) if m.group(1) in NOUN_LISTS else VOC[m.group(1)], s)
    used = [name for name in NOUN_LISTS if "{" + name + "}" in s]
    if used:
        table = "\n# The word lists the patterns name as {NAME} (src/rules/nouns.rs).\n[nouns]\n"
        table += "".join(f"{name} = '''{written_out(name)}'''\n" for name in used)
        s = re.sub(r"^(language = .*\n)", lambda m: m.group(1) + table, s, count=1, flags=re.M)
    return s

if __name__ == "__main__":
    import sys
    # --check (run by `./build.sh test`): fail when a generated pack was edited by hand or not
    # regenerated after its source changed, since the engine compiles the generated file; and, in
    # every pack, when a rule that names a word list spells out a listed word (marked_check.py).
    check = "--check" in sys.argv[1:]
    here = Path(__file__).resolve().parent
    stale = []
    if check:
        self_check()
        marked_check.self_check()
    # Every pack the engine compiles, generated ones as this run writes them.
    packs = {path.name: path.read_text(encoding="utf-8") for path in sorted(here.glob("*.toml"))}
    for src in sorted((here / "src").glob("*.toml")):
        out, text = here / src.name, expand(src.read_text(encoding="utf-8"))
        packs[out.name] = text
        if check:
            if not out.exists() or out.read_text(encoding="utf-8") != text:
                stale.append(f"{out.name} differs from rules/src/ (run python3 rules/expand.py)")
            continue
        out.write_text(text, encoding="utf-8")
        print("wrote", out)
    parsed = [tomllib.loads(text) for text in packs.values()]
    lists = {name: words for pack in parsed for name, words in pack.get("nouns", {}).items()}
    named = [(r["id"], p) for pack in parsed for r in pack.get("rule", []) for p in [r["pattern"], *r.get("unless", [])]]
    for k, word in marked_check.listed_words_written_out([p for _, p in named], lists):
        stale.append(f"{named[k][0]} spells out the listed word {word!r}: it reads marked text, write the list instead")
    if stale:
        sys.exit("rules/expand.py: " + "; ".join(stale))
