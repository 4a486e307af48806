# French templates for the abusive (label 1) functions aimed at groups.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
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
}
