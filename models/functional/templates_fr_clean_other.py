# French templates for the clean contrasts (label 0) with no group: untargeted profanity, insults of things, ordinary disagreement.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
    "profanity_no_target": {
        "a": ("event", "profanity", [
            "putain, {T} !",
            "putain mais {T}, j'en peux plus",
            "bordel, {T}, c'était quoi ça",
            "{T}, putain, quelle claque"]),
        "b": ("event", "profanity", [
            "merde, {T}, je m'en remets pas",
            "oh putain {T} 😭",
            "bordel {T} c'était n'importe quoi",
            "{T} putain, quelle folie"]),
        "c": ("event", "profanity", [
            "ça fait chier, {T}, vraiment",
            "{T} de ouf, bordel de merde",
            "j'en ai ras le cul de {T}",
            "{T} m'a saoulé grave, fait chier"]),
        "d": ("event", "profanity", [
            "je suis dans la merde avec {T}, j'ai rien préparé",
            "putain j'ai oublié mes clés, {T} commence mal",
            "bordel j'ai renversé mon café partout, vive {T}",
            "merde merde merde, {T} et mon réveil qui sonne pas"]),
        "e": ("event", "profanity", [
            "{T} c'était putain de génial",
            "bordel que {T} était [beau|belle]",
            "putain quel kiff {T}",
            "{T} de malade, putain, j'ai hurlé comme un fou"]),
    },
    "insult_thing": {
        "a": ("thing", "profanity", [
            "{T} est une vraie merde",
            "{T}, c'est de la daube",
            "{T} est [nul|nulle] à chier",
            "franchement {T} c'est de la merde en barre"]),
        "b": ("thing", "none", [
            "n'achetez jamais {T}, c'est une arnaque",
            "{T} mérite zéro étoile",
            "{T} est une insulte à l'intelligence",
            "j'ai perdu deux heures avec {T}, quelle purge"]),
        "c": ("thing", "none", [
            "même un grille-pain a plus d'âme que {T}",
            "{T} est encore plus [mauvais|mauvaise] que l'an dernier, et c'était déjà dur",
            "{T} est d'une laideur incroyable",
            "{T} ? une catastrophe de A à Z"]),
        "d": ("thing", "none", [
            "{T}, va mourir, sérieux",
            "je vais jeter {T} par la fenêtre",
            "{T}, je te déteste de tout mon cœur",
            "je vais défoncer {T} à coups de marteau"]),
        "e": ("thing", "none", [
            "note : 2/10 pour {T}, une horreur",
            "avis honnête sur {T} : poubelle",
            "verdict après une semaine : {T} est une blague",
            "si je devais résumer {T} en un mot : nullissime"]),
    },
    "disagreement": {
        "a": ("topic", "none", [
            "je suis pas d'accord avec {T}, ça va pénaliser les petits salaires",
            "{T}, franchement je trouve que c'est une mauvaise idée",
            "les arguments pour {T} tiennent pas la route, désolé",
            "on peut critiquer {T} sans être extrémiste, hein"]),
        "b": ("they", "none", [
            "{P} a voté contre le budget de la cantine, je trouve ça incohérent",
            "{P} se trompe complètement sur ce dossier, les chiffres disent l'inverse",
            "{P} a fait une erreur en annulant le festival, j'espère qu'[il|elle] reviendra dessus",
            "j'ai du respect pour {Pt}, mais sa dernière tribune est franchement faible"]),
        "c": ("you", "none", [
            "je vois pas les choses comme toi, mais merci d'avoir pris le temps d'expliquer",
            "ton thread est intéressant mais je pense que tu oublies la question du coût",
            "désolé mais t'as tort sur ce point, regarde les sources",
            "on sera pas d'accord là-dessus, et c'est pas grave"]),
        "d": ("topic", "none", [
            "sérieusement, qui a pensé que {T} était une bonne idée ? ça coûte une fortune",
            "{T} : pour moi les inconvénients l'emportent largement sur les avantages",
            "trois raisons pour lesquelles je suis contre {T} 🧵",
            "{T} va dans le mauvais sens et je le dirai dans les urnes"]),
        "e": ("they", "none", [
            "j'ai écouté l'intervention de {Pt} hier, pas convaincu du tout",
            "le bilan de {Pt} à la mairie est mauvais, il faut le dire",
            "avec tout le respect que je dois à {Pt}, ses chiffres sont faux",
            "le projet de {Pt} est irréaliste, mais au moins [il|elle] propose quelque chose"]),
    },
}
