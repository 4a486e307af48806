"""Augmented texts for distillation, written here from scratch (never from the functional suites'
templates or any test fixture, which stay the blind evaluation): short French and English
sentences of abuse said without a slur and of the contrasts that must stay clean. They carry the
label their frame was written for; the teacher scores them too, and the student learns the mix."""
import random

import data

FR_GROUPS = ["les musulmans", "les juifs", "les Noirs", "les Arabes", "les Roms", "les migrants", "les homos",
             "les trans", "les femmes", "les Asiatiques", "les réfugiés", "les handicapés", "les lesbiennes", "les Africains"]
EN_GROUPS = ["Muslims", "Jews", "Black people", "Arabs", "immigrants", "gay people", "trans people", "women",
             "Asians", "refugees", "disabled people", "Mexicans", "lesbians", "Africans"]
FR_PERSON = ["toi", "ta mère", "ton frère", "ta copine", "ce mec", "cette meuf", "lui", "elle"]
EN_PERSON = ["you", "your mom", "your brother", "your girlfriend", "that guy", "that girl", "him", "her"]

# (function, label, category, frames); {g} a group, {p} a person.
FR = [
    ("derogation", 1, "identity_attack", ["{g} ne valent rien et ne vaudront jamais rien", "{g} sont tous des incapables",
        "franchement {g} sont une honte pour l'humanité", "{g} sont inférieurs, c'est un fait", "{g} n'ont rien à faire parmi les gens normaux"]),
    ("dehumanisation", 1, "identity_attack", ["{g} sont des rats qui se multiplient", "{g} c'est de la vermine",
        "{g} sont des bêtes, pas des humains", "{g} sont un cancer qui ronge le pays", "{g}, des parasites, rien d'autre"]),
    ("eliminationist", 1, "identity_attack", ["il faudrait se débarrasser de {g} une bonne fois pour toutes", "{g} devraient disparaître de la surface de la terre",
        "on devrait tous les expulser, {g}, jusqu'au dernier", "le pays ira mieux le jour où il n'y aura plus {g}", "qu'on mette {g} dans des camps"]),
    ("threat_group", 1, "threat", ["on va s'occuper de {g}, ils vont comprendre", "{g}, on viendra vous chercher un par un",
        "préparez-vous {g}, ça va saigner", "on va brûler leurs maisons, à {g}"]),
    ("threat_person", 1, "threat", ["je vais te retrouver et tu vas le regretter", "je sais où tu habites, fais gaffe à toi",
        "je vais te défoncer la tête à la sortie", "tu vas finir à l'hôpital, je te le promets", "on va te faire la peau"]),
    ("veiled_threat", 1, "threat", ["ce serait bête que ta voiture prenne feu cette nuit", "tu devrais surveiller tes enfants en rentrant de l'école",
        "un accident est vite arrivé, tu sais", "dis bonjour à ta famille de ma part, je passe bientôt", "dommage que ta maison soit si facile à trouver"]),
    ("incitement", 1, "threat", ["allez tous lui pourrir la vie, voici son compte", "il faut que quelqu'un lui donne une leçon",
        "balancez son adresse qu'on aille lui rendre visite", "harcelez-la jusqu'à ce qu'elle supprime son compte", "qui se dévoue pour aller le tabasser"]),
    ("accusation", 1, "toxicity", ["{p}, c'est un pédophile, tout le monde le sait", "méfiez-vous de {p}, voleur et menteur",
        "{p} frappe sa femme, partagez pour que ça se sache", "{p} a violé une fille au lycée et personne ne dit rien"]),
    ("insult_person", 1, "insult", ["t'es vraiment la personne la plus stupide que je connaisse", "ferme-la, personne ne t'écoute, minable",
        "regarde-toi, t'es pathétique", "t'as le cerveau d'une huître", "tu sers à rien, retourne dans ton trou"]),
    ("counter_speech", 0, None, ["dire que {g} sont des parasites, c'est du racisme pur et simple", "arrêtez de traiter {g} comme des moins que rien",
        "je soutiens {g} face à la haine qu'ils reçoivent", "ceux qui insultent {g} devraient avoir honte"]),
    ("negation", 0, None, ["je ne pense pas du tout que {g} soient dangereux", "non, {g} ne sont pas des criminels",
        "personne ici ne dit que {g} sont inférieurs"]),
    ("neutral_mention", 0, None, ["{g} ont organisé une fête dans le quartier", "un reportage sur {g} passe ce soir",
        "j'ai rencontré {g} de l'association hier", "{g} représentent une part de la population de la ville"]),
    ("positive_mention", 0, None, ["{g} de mon entourage sont des gens formidables", "merci à {g} pour leur aide précieuse",
        "j'admire le courage de {g}"]),
    ("profanity_no_target", 0, None, ["putain, j'ai encore raté mon bus", "merde, il pleut encore", "bordel, ce match était incroyable"]),
    ("insult_thing", 0, None, ["ce film est une vraie daube", "cette appli est complètement nulle", "quel temps de merde aujourd'hui"]),
]
EN = [
    ("derogation", 1, "identity_attack", ["{g} are worthless and always will be", "{g} are all useless", "{g} are a disgrace to humanity",
        "{g} are inferior, that's just a fact", "{g} don't belong among decent people"]),
    ("dehumanisation", 1, "identity_attack", ["{g} are rats that keep breeding", "{g} are vermin", "{g} are animals, not humans",
        "{g} are a cancer eating this country", "{g} are parasites, nothing more"]),
    ("eliminationist", 1, "identity_attack", ["we should get rid of {g} once and for all", "{g} should be wiped off the face of the earth",
        "deport every last one of {g}", "this country will be better when there are no more {g}", "put {g} in camps"]),
    ("threat_group", 1, "threat", ["we're coming for {g}, they'll learn", "{g}, we'll hunt you down one by one",
        "get ready {g}, there will be blood", "we'll burn their houses down, {g}"]),
    ("threat_person", 1, "threat", ["I'm going to find you and you'll regret it", "I know where you live, watch yourself",
        "I'll smash your face in after school", "you'll end up in hospital, I promise you", "we're going to end you"]),
    ("veiled_threat", 1, "threat", ["it would be a shame if your car caught fire tonight", "you should keep an eye on your kids after school",
        "accidents happen, you know", "say hi to your family for me, I'll drop by soon", "shame your house is so easy to find"]),
    ("incitement", 1, "threat", ["everyone go make her life hell, here's her account", "someone needs to teach him a lesson",
        "post his address so we can pay him a visit", "keep harassing her until she deletes her account", "who's volunteering to beat him up"]),
    ("accusation", 1, "toxicity", ["{p} is a pedophile, everyone knows it", "watch out for {p}, a thief and a liar",
        "{p} beats his wife, share so people know", "{p} raped a girl in high school and nobody says anything"]),
    ("insult_person", 1, "insult", ["you're honestly the dumbest person I know", "shut up, nobody listens to you, loser",
        "look at yourself, you're pathetic", "you have the brain of a goldfish", "you're useless, crawl back into your hole"]),
    ("counter_speech", 0, None, ["calling {g} parasites is plain racism", "stop treating {g} like they're nothing",
        "I stand with {g} against the hate they get", "people who insult {g} should be ashamed"]),
    ("negation", 0, None, ["I don't think {g} are dangerous at all", "no, {g} are not criminals", "nobody here says {g} are inferior"]),
    ("neutral_mention", 0, None, ["{g} organised a street party in our area", "a report about {g} is on tonight",
        "I met {g} from the association yesterday", "{g} make up part of the city's population"]),
    ("positive_mention", 0, None, ["{g} I know are wonderful people", "thanks to {g} for their precious help", "I admire the courage of {g}"]),
    ("profanity_no_target", 0, None, ["fuck, I missed my bus again", "shit, it's raining again", "damn, that match was incredible"]),
    ("insult_thing", 0, None, ["this movie is total garbage", "this app is completely useless", "what shitty weather today"]),
]
CAT = {"toxicity": data.T, "insult": data.I, "threat": data.TH, "identity_attack": data.IA}
EN_PRE = ["", "", "honestly ", "lol ", "@user "]
FR_PRE = ["", "", "franchement ", "mdr ", "@user "]


def labels(label, cat):
    if not label:
        return list(data.NEG)
    y = [1, None, None, None, None]
    y[CAT[cat]] = 1
    return y


def sentences(seed=0):
    """(text, lang, labels, source) for every frame × slot filler × a casual prefix, in both languages."""
    rnd, out = random.Random(seed), []
    for lang, spec, groups, persons, pre in (("fr", FR, FR_GROUPS, FR_PERSON, FR_PRE), ("en", EN, EN_GROUPS, EN_PERSON, EN_PRE)):
        for func, label, cat, frames in spec:
            for f in frames:
                fillers = groups if "{g}" in f else persons if "{p}" in f else [""]
                for g in fillers:
                    s = rnd.choice(pre) + f.format(g=g, p=g)
                    out.append((s[0].upper() + s[1:] if rnd.random() < 0.5 else s, lang, labels(label, cat), f"augment_{lang}"))
    return out
