# French templates for the abusive functions (label 1). Slots: see targets.py; "[m|f]" picks
# by the target's gender. Families d and e are held out and use other sentence patterns.
FAMILIES = {
    "derogation": {
        "a": ("group", "identity_attack", [
            "{les} sont [tous des profiteurs|toutes des profiteuses], faut arrêter de se voiler la face",
            "franchement {les} c'est [tous des menteurs|toutes des menteuses], y a rien à sauver",
            "{les} sont incapables de s'intégrer, c'est dans leur nature",
            "{les} ont rien dans le crâne, c'est prouvé"]),
        "b": ("group", "identity_attack", [
            "vous avez remarqué que dès qu'il y a un problème c'est toujours {des} ?",
            "pourquoi {les} sont toujours [les premiers|les premières] à pleurer alors qu'[ils|elles] foutent rien ?",
            "qui a encore envie de bosser avec {des} honnêtement ?",
            "c'est quoi le problème avec {les}, [ils|elles] savent pas vivre comme tout le monde ?"]),
        "c": ("group", "identity_attack", [
            "{un}, ça ment comme ça respire",
            "jamais je laisserais {un} garder mes enfants, trop risqué",
            "{un} au boulot = des ennuis garantis",
            "{un} qui réussit, c'est forcément qu'[il|elle] a triché"]),
        "d": ("group", "identity_attack", [
            "mettez {des} dans une équipe et le niveau baisse direct",
            "même un chien est plus fiable que {les}",
            "le niveau intellectuel chez {les} fait peur, on va pas se mentir",
            "{les} valent moins que rien pour la société"]),
        "e": ("group", "identity_attack", [
            "conseil d'ami : ne faites jamais confiance à {des}",
            "méfiez-vous {des}, je dis ça pour vous",
            "évitez les quartiers pleins {de}, vous me remercierez",
            "ne louez jamais votre appart à {des}, je vous aurai prévenus"]),
    },
    "dehumanisation": {
        "a": ("group", "identity_attack", [
            "{les} c'est des rats, ça se reproduit partout",
            "{les} sont une vermine qui ronge le pays",
            "{les} ne sont pas des humains, juste des bêtes",
            "{les} c'est du bétail, rien de plus"]),
        "b": ("group", "identity_attack", [
            "{les} sont une maladie pour ce pays",
            "{les} c'est un cancer qui se propage dans nos villes",
            "chaque quartier où s'installent {des} finit par pourrir",
            "{les} infectent tout ce qu'[ils|elles] touchent"]),
        "c": ("group", "identity_attack", [
            "{les} c'est des déchets, rien d'autre",
            "on devrait traiter {les} comme des ordures, parce que c'en est",
            "{les} sont des parasites qui vivent sur notre dos",
            "{ces} sous-humains méritent pas d'être traités comme nous"]),
        "d": ("group", "identity_attack", [
            "entre un cafard et {un}, je vois pas trop la différence",
            "{un} a autant de valeur qu'un nuisible",
            "à mes yeux {un} c'est à peine au-dessus d'un singe",
            "mon chien vaut plus qu'{un}, et de loin"]),
        "e": ("group", "identity_attack", [
            "ça grouille {de} dans ce quartier, on se croirait dans un égout",
            "regardez-les se multiplier, {les}, comme des insectes",
            "{les}, faudrait les parquer comme des animaux",
            "une invasion {de}, comme des sauterelles sur un champ"]),
    },
    "eliminationist": {
        "a": ("group", "identity_attack", [
            "{les} dehors, tous, sans exception",
            "qu'on renvoie {les} chez [eux|elles] à coups de pied",
            "il faut virer {les} de ce pays une bonne fois pour toutes",
            "{les} n'ont rien à faire en France, expulsion immédiate"]),
        "b": ("group", "identity_attack", [
            "le monde irait tellement mieux sans {les}",
            "le jour où {les} auront disparu de ce pays sera un beau jour",
            "si {les} pouvaient disparaître, personne les regretterait",
            "un pays sans {les}, c'est tout ce que je demande"]),
        "c": ("group", "threat", [
            "faudrait exterminer {les}, c'est la seule solution",
            "{les}, on devrait [tous les|toutes les] éliminer",
            "qu'on se débarrasse {des} une fois pour toutes, par tous les moyens",
            "{les} méritent de crever, [tous|toutes]"]),
        "d": ("group", "identity_attack", [
            "proposition simple : des camps pour {les}, et on n'en parle plus",
            "moi au pouvoir : zéro {pl}, frontières fermées et retour à l'envoyeur",
            "il faudrait une loi pour stériliser {les}, point",
            "rouvrir les wagons pour {les}, voilà mon programme"]),
        "e": ("group", "identity_attack", [
            "va falloir nettoyer le pays {de} un jour ou l'autre",
            "un bon coup de karcher sur {les} et on respire enfin",
            "le grand ménage commencera par {les}",
            "faire place nette : {les} d'abord, le reste suivra"]),
    },
    "threat_group": {
        "a": ("group", "threat", [
            "on va s'occuper {des}, ça va pas tarder",
            "{les}, on va vous faire la peau",
            "bientôt on viendra chercher {les} [un par un|une par une]",
            "{les}, préparez-vous, ça va saigner"]),
        "b": ("group", "threat", [
            "si je croise {un} ce soir, [il|elle] rentre pas [entier|entière]",
            "si {un} vient me parler, je lui casse la gueule",
            "si {des} débarquent dans ma rue, je sors le fusil",
            "si jamais {un} met un pied chez moi, [il|elle] repart en morceaux"]),
        "c": ("group", "threat", [
            "{les}, vous allez payer, [tous|toutes] autant que vous êtes",
            "à [tous|toutes] {les} qui lisent ça : vos jours sont comptés",
            "{les}, on connaît vos quartiers, on arrive",
            "{les} vous feriez mieux de vous cacher, la chasse est ouverte"]),
        "d": ("group", "threat", [
            "samedi soir, descente chez {les}, ramenez des battes",
            "le 14 on passe à l'action contre {les}, soyez prêts",
            "ce soir chasse {aux}, qui est chaud ?",
            "j'ai préparé les cocktails molotov, cette fois {les} vont comprendre"]),
        "e": ("group", "threat", [
            "un jour {les} vont se réveiller avec leurs maisons en feu, et [ils|elles] l'auront cherché",
            "il y aura du sang, et ce sera celui {des}",
            "ça finira mal pour {les}, très mal, et j'y veillerai",
            "attendez de voir ce qui va arriver {aux} quand on sera assez nombreux"]),
    },
    "threat_person": {
        "a": ("you", "threat", [
            "je vais te défoncer la gueule",
            "je vais te retrouver et tu vas le regretter",
            "je te jure que je vais te planter",
            "tu vas finir à l'hosto, crois-moi"]),
        "b": ("they", "threat", [
            "{Pt}, je vais [le|la] démonter la prochaine fois que je [le|la] vois",
            "{Pt}, je lui règle son compte ce soir",
            "{Pt}, je [le|la] crève dès que je [le|la] croise",
            "{P} a intérêt à pas sortir de chez [lui|elle], je l'attends"]),
        "c": ("you", "threat", [
            "si tu repasses dans mon quartier je te casse les jambes",
            "continue à parler et tu vas te réveiller à l'hôpital",
            "encore un tweet comme ça et je brûle ta caisse",
            "réponds encore une fois et je te retrouve, t'inquiète"]),
        "d": ("you", "threat", [
            "demain 17h devant ton lycée, viens [seul|seule]",
            "ce soir c'est ta fête, j'arrive avec des potes",
            "compte bien les jours qui te restent",
            "profite de ton week-end, c'est le dernier"]),
        "e": ("they", "threat", [
            "{P} verra pas la fin du mois, je m'en charge",
            "{P} va comprendre ce que ça fait d'avoir mal",
            "{P} finira dans un fossé, parole",
            "le jour où {P} sort [seul|seule], [il|elle] est [mort|morte]"]),
    },
    "accusation": {
        "a": ("they", "defamation", [
            "{P} touche aux gosses, faites tourner",
            "{N} est [un pédo|une pédo], partagez avant que ça disparaisse",
            "attention, {P} drague des mineurs en DM, RT pour protéger vos enfants",
            "{P} a des photos d'enfants sur son téléphone, tout le monde doit savoir"]),
        "b": ("they", "defamation", [
            "{P} a violé une fille l'an dernier et personne dit rien",
            "{P} deale devant le collège, les flics s'en foutent",
            "{P} a piqué la caisse de l'asso, c'est [un escroc|une escroc]",
            "{P} frappe [sa copine|son copain], j'ai des preuves"]),
        "c": ("you", "defamation", [
            "tout le monde sait que tu frappes [ta meuf|ton mec]",
            "t'as escroqué des dizaines de personnes, ça va se savoir",
            "avoue que tu traînes sur les forums de pédos",
            "on sait que t'as agressé cette fille à la soirée, assume"]),
        "d": ("they", "defamation", [
            "il paraît que {N} se tape des gamines de 13 ans, ça m'étonne pas",
            "on m'a dit que {N} trempe dans un trafic de drogue, ça vous étonne ?",
            "d'après plusieurs sources {P} a déjà fait de la taule pour agression",
            "rumeur confirmée : {P} vend de la came à des ados"]),
        "e": ("they", "defamation", [
            "exposez {N} : c'est [un prédateur|une prédatrice], ses victimes ont entre 10 et 14 ans",
            "signalez {N} partout, [harceleur|harceleuse] d'enfants",
            "je balance : {P} fait chanter des mineurs pour avoir des nudes",
            "thread sur {Pt} et ses agressions sexuelles, ouvrez les yeux"]),
    },
    "incitement": {
        "a": ("they", "threat", [
            "{Pt}, qu'on lui règle son compte une bonne fois pour toutes",
            "{Pt}, faudrait que quelqu'un lui apprenne la vie",
            "{Pt}, qu'on [le|la] retrouve et qu'on [le|la] corrige",
            "{Pt}, [il|elle] mérite une bonne leçon, qui s'en charge ?"]),
        "b": ("they", "threat", [
            "{Pt}, si quelqu'un [le|la] croise, qu'il lui fasse comprendre",
            "si vous voyez {N} dans la rue, vous savez quoi faire",
            "si un de vous habite près de chez {Pt}, allez lui rendre une petite visite",
            "quelqu'un de Lyon pour aller secouer {N} ?"]),
        "c": ("they", "threat", [
            "allez tous spammer {N} jusqu'à ce qu'[il|elle] supprime son compte",
            "raid sur {Pt} ce soir, tout le monde en DM",
            "trouvez l'adresse de {Pt} et partagez-la, qu'on s'amuse",
            "harcelez {N} jusqu'à ce qu'[il|elle] craque"]),
        "d": ("they", "threat", [
            "100 balles à celui qui met une gifle à {N}",
            "je paie un verre à qui fera taire {N} pour de bon",
            "récompense pour une vidéo de {Pt} en train de se faire tabasser",
            "celui qui casse la gueule à {N} devient mon héros"]),
        "e": ("they", "threat", [
            "personne pour aller calmer {N} ? sérieux ?",
            "mais quand est-ce que quelqu'un va enfin faire taire {N} ?",
            "y a pas un mec courageux pour remettre {N} à sa place physiquement ?",
            "ce que mérite {N}, c'est qu'on l'attende à la sortie, à plusieurs"]),
    },
    "veiled_threat": {
        "a": ("you", "threat", [
            "ce serait dommage qu'il arrive quelque chose à ta sœur",
            "ta petite sœur rentre seule du collège, non ? fais attention",
            "ta mère a l'air gentille, ce serait bête qu'elle ait un accident",
            "tu tiens à ta famille ? alors réfléchis avant de tweeter"]),
        "b": ("you", "threat", [
            "on sait où tu habites",
            "jolie ta porte d'entrée, la bleue au 3e",
            "t'habites toujours rue des Lilas ? je passerai peut-être",
            "ta voiture dort dehors la nuit, hein"]),
        "c": ("they", "threat", [
            "on sait où {P} habite, et où vont ses gosses aussi",
            "{P} devrait surveiller ses enfants à la sortie de l'école",
            "{P} vit [seul|seule] au 2e étage, ça peut servir",
            "dites à {N} que ses parents sont pas à l'abri"]),
        "d": ("you", "threat", [
            "belle photo de ta maison sur ton insta, j'ai bien noté l'adresse",
            "c'était sympa de te voir avec tes enfants au parc samedi",
            "tes gamins sortent à 16h30, c'est ça ?",
            "j'aime bien la couleur de tes volets, ça se repère de loin"]),
        "e": ("you", "threat", [
            "les accidents domestiques, ça arrive vite, tu sais",
            "tu sais ce qui arrive aux gens qui parlent trop ? c'est leur famille qui paie",
            "un incendie est si vite arrivé, surtout la nuit",
            "ça te ferait quoi de rentrer chez toi et de plus trouver ton chien ?"]),
    },
    "insult_person": {
        "a": ("you", "insult", [
            "t'es vraiment [un minable|une minable], personne te supporte",
            "t'es qu'une sous-merde et tu le sais",
            "tu sers à rien, t'as jamais servi à rien",
            "t'es bête à pleurer, c'est affligeant"]),
        "b": ("they", "insult", [
            "{N} est [un raté|une ratée], ça se voit à des kilomètres",
            "{P} a le cerveau d'une huître",
            "{P} est d'une bêtise sans nom",
            "{P} est pathétique, [il|elle] me donne envie de vomir"]),
        "c": ("you", "insult", [
            "ferme ta gueule, personne t'a demandé ton avis, [espèce de nul|espèce de nulle]",
            "retourne jouer aux billes, [gros naze|grosse naze]",
            "va te cacher, t'es une honte ambulante",
            "dégage, [pauvre type|pauvre fille]"]),
        "d": ("you", "insult", [
            "même une chaise a plus de conversation que toi",
            "un poisson rouge a plus de jugeote que toi",
            "ta mère devrait avoir honte de t'avoir [mis|mise] au monde",
            "t'es la preuve vivante que l'évolution peut reculer"]),
        "e": ("they", "insult", [
            "comment on peut être aussi [con|conne] que {N} ?",
            "qui a donné un téléphone à {N} sérieux, [il|elle] sait même pas écrire",
            "y a quelqu'un de plus inutile que {N} sur cette appli ?",
            "qu'est-ce qu'on a fait pour mériter [un abruti|une abrutie] comme {N} ?"]),
    },
}
