# Targets that the functional templates are crossed with: groups, persons, things, events, topics.
# Each entry carries the surface forms a template slot may ask for, and a grammatical gender (m/f)
# that picks one side of a template's "[masculine|feminine]" alternations.
import re

def _fr_group(tid, g, pl, sg, vowel=False):
    """French group: `pl` is the bare plural noun, `sg` the singular with its article."""
    return {"id": tid, "g": g, "les": "les " + pl, "ces": "ces " + pl, "des": "des " + pl,
            "aux": "aux " + pl, "de": ("d'" if vowel else "de ") + pl, "pl": pl, "un": sg}


FR_GROUPS = [
    _fr_group("women", "f", "femmes", "une femme"),
    _fr_group("muslims", "m", "musulmans", "un musulman"),
    _fr_group("jews", "m", "juifs", "un juif"),
    _fr_group("black_people", "m", "Noirs", "un Noir"),
    _fr_group("arabs", "m", "Arabes", "un Arabe", vowel=True),
    _fr_group("gay_people", "m", "gays", "un gay"),
    _fr_group("trans_people", "f", "personnes trans", "une personne trans"),
    _fr_group("immigrants", "m", "immigrés", "un immigré", vowel=True),
    _fr_group("disabled_people", "f", "personnes handicapées", "une personne handicapée"),
    _fr_group("roma", "m", "Roms", "un Rom"),
    _fr_group("asians", "m", "Asiatiques", "un Asiatique", vowel=True),
    _fr_group("migrants", "m", "migrants", "un migrant"),
    _fr_group("lesbians", "f", "lesbiennes", "une lesbienne"),
]


def _en_group(tid, pl, a):
    return {"id": tid, "g": "m", "pl": pl, "these": "these " + pl, "those": "those " + pl, "a": a}


EN_GROUPS = [
    _en_group("women", "women", "a woman"),
    _en_group("muslims", "Muslims", "a Muslim"),
    _en_group("jews", "Jews", "a Jewish person"),
    _en_group("black_people", "Black people", "a Black person"),
    _en_group("arabs", "Arabs", "an Arab"),
    _en_group("gay_people", "gay people", "a gay person"),
    _en_group("trans_people", "trans people", "a trans person"),
    _en_group("immigrants", "immigrants", "an immigrant"),
    _en_group("disabled_people", "disabled people", "a disabled person"),
    _en_group("roma", "Roma", "a Roma person"),
    _en_group("asians", "Asians", "an Asian person"),
    _en_group("refugees", "refugees", "a refugee"),
    _en_group("lesbians", "lesbians", "a lesbian"),
]

# Third-person persons. {P}: subject; {Pt}: French tonic form (after a preposition or as a
# topic: "lui, ..."); {N}: a noun position where a bare pronoun would not be French, so
# templates using {N} skip the pronoun targets. English: {P} subject, {O} object, {Ps} possessive.
FR_THEY = [
    {"id": "il", "g": "m", "P": "il", "Pt": "lui", "pronoun": True},
    {"id": "elle", "g": "f", "P": "elle", "Pt": "elle", "pronoun": True},
    {"id": "name_karim", "g": "m", "P": "Karim", "Pt": "Karim"},
    {"id": "name_sarah", "g": "f", "P": "Sarah", "Pt": "Sarah"},
    {"id": "name_thomas", "g": "m", "P": "Thomas", "Pt": "Thomas"},
    {"id": "name_manon", "g": "f", "P": "Manon", "Pt": "Manon"},
    {"id": "handle_m", "g": "m", "P": "@jul_du_13", "Pt": "@jul_du_13"},
    {"id": "handle_f", "g": "f", "P": "@clem_bzh", "Pt": "@clem_bzh"},
    {"id": "ce_mec", "g": "m", "P": "ce mec", "Pt": "ce mec"},
    {"id": "cette_meuf", "g": "f", "P": "cette meuf", "Pt": "cette meuf"},
]
for _t in FR_THEY:
    _t["N"] = _t["Pt"]

EN_THEY = [
    {"id": "he", "g": "m", "P": "he", "O": "him", "Ps": "his", "pronoun": True},
    {"id": "she", "g": "f", "P": "she", "O": "her", "Ps": "her", "pronoun": True},
    {"id": "name_jake", "g": "m", "P": "Jake", "O": "Jake", "Ps": "Jake's"},
    {"id": "name_megan", "g": "f", "P": "Megan", "O": "Megan", "Ps": "Megan's"},
    {"id": "name_ryan", "g": "m", "P": "Ryan", "O": "Ryan", "Ps": "Ryan's"},
    {"id": "name_priya", "g": "f", "P": "Priya", "O": "Priya", "Ps": "Priya's"},
    {"id": "handle_m", "g": "m", "P": "@tyler_b", "O": "@tyler_b", "Ps": "@tyler_b's"},
    {"id": "handle_f", "g": "f", "P": "@jess_xo", "O": "@jess_xo", "Ps": "@jess_xo's"},
    {"id": "this_guy", "g": "m", "P": "this guy", "O": "this guy", "Ps": "this guy's"},
    {"id": "that_woman", "g": "f", "P": "that woman", "O": "that woman", "Ps": "that woman's"},
]

# Second-person persons: the template speaks to "tu"/"you"; the target is how the tweet opens.
FR_YOU = [
    {"id": "tu_m", "g": "m", "prefix": ""},
    {"id": "tu_f", "g": "f", "prefix": ""},
    {"id": "handle_m", "g": "m", "prefix": "@yanis_94 "},
    {"id": "handle_f", "g": "f", "prefix": "@lea_mrt "},
    {"id": "name_m", "g": "m", "prefix": "Mehdi, "},
    {"id": "name_f", "g": "f", "prefix": "Julie, "},
    {"id": "handle_m2", "g": "m", "prefix": "@nico_pls "},
    {"id": "handle_f2", "g": "f", "prefix": "@camille_off "},
]
EN_YOU = [
    {"id": "you_m", "g": "m", "prefix": ""},
    {"id": "you_f", "g": "f", "prefix": ""},
    {"id": "handle_m", "g": "m", "prefix": "@mikey_99 "},
    {"id": "handle_f", "g": "f", "prefix": "@hannah_k "},
    {"id": "name_m", "g": "m", "prefix": "Dan, "},
    {"id": "name_f", "g": "f", "prefix": "Chloe, "},
    {"id": "handle_m2", "g": "m", "prefix": "@big_sam "},
    {"id": "handle_f2", "g": "f", "prefix": "@lils_x "},
]


def _things(rows):
    return [{"id": re.sub(r"\W+", "_", t).strip("_").lower(), "g": g, "T": t} for g, t in rows]


FR_THINGS = _things([("m", "ce film"), ("f", "cette série"), ("f", "cette appli"), ("m", "ce jeu"),
                     ("f", "cette mise à jour"), ("m", "ce bouquin"), ("f", "mon imprimante"),
                     ("m", "ce téléphone"), ("f", "cette cafetière"), ("m", "ce nouveau logo"),
                     ("f", "cette chanson"), ("m", "ce forfait")])
EN_THINGS = _things([("m", "this movie"), ("m", "this show"), ("m", "this app"), ("m", "this game"),
                     ("m", "the new update"), ("m", "this book"), ("m", "my printer"),
                     ("m", "this phone"), ("m", "this coffee machine"), ("m", "the new logo"),
                     ("m", "this song"), ("m", "this phone plan")])
FR_EVENTS = _things([("m", "ce match"), ("m", "ce lundi"), ("f", "cette chaleur"), ("m", "ce bouchon"),
                     ("f", "cette journée"), ("m", "ce final"), ("m", "ce concert"), ("m", "ce partiel"),
                     ("m", "ce week-end"), ("f", "cette pluie"), ("m", "ce dernier épisode"),
                     ("f", "cette soirée")])
EN_EVENTS = _things([("m", "this match"), ("m", "this Monday"), ("m", "this heat"), ("m", "this traffic"),
                     ("m", "this day"), ("m", "that finale"), ("m", "this concert"), ("m", "this exam"),
                     ("m", "this weekend"), ("m", "this rain"), ("m", "that last episode"),
                     ("m", "this party")])
FR_TOPICS = _things([("f", "la réforme des retraites"), ("m", "le télétravail obligatoire"),
                     ("f", "la taxe carbone"), ("m", "le nouveau plan vélo"),
                     ("f", "la semaine de quatre jours"), ("m", "ce projet de loi"),
                     ("f", "la hausse des frais d'inscription"), ("m", "le pass culture"),
                     ("f", "la limitation à 30 en ville"), ("m", "le nouveau règlement du lycée")])
EN_TOPICS = _things([("m", "the pension reform"), ("m", "mandatory remote work"), ("m", "the carbon tax"),
                     ("m", "the new bike lane plan"), ("m", "the four-day week"), ("m", "this bill"),
                     ("m", "the tuition hike"), ("m", "the new zoning plan"),
                     ("m", "the school uniform policy"), ("m", "the 20 mph limit")])

TARGETS = {
    "fr": {"group": FR_GROUPS, "they": FR_THEY, "you": FR_YOU, "thing": FR_THINGS,
           "event": FR_EVENTS, "topic": FR_TOPICS},
    "en": {"group": EN_GROUPS, "they": EN_THEY, "you": EN_YOU, "thing": EN_THINGS,
           "event": EN_EVENTS, "topic": EN_TOPICS},
}
