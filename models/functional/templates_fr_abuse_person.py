# French templates for the abusive (label 1) functions aimed at a person.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
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
