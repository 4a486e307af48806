# French templates for the clean contrasts (label 0) that name groups or quote abuse: counter-speech, quoting to condemn, negation, neutral and positive mentions.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
    "counter_speech": {
        "a": ("group", "none", [
            "dire que {les} sont des parasites, c'est juste de la haine crasse",
            "arrêtez de traiter {les} comme des criminels, ça suffit",
            "ceux qui insultent {les} devraient avoir honte",
            "la haine contre {les} n'a rien d'une opinion, c'est un délit"]),
        "b": ("group", "none", [
            "soutien total {aux} qui se prennent des horreurs en ce moment",
            "si tu harcèles {des}, t'es pas un rebelle, t'es juste un lâche",
            "je bloque et je signale tous les comptes qui crachent sur {les}",
            "les commentaires sous ce post sur {les} me dégoûtent, signalez-les"]),
        "c": ("group", "none", [
            "non, {les} ne sont pas « tous pareils », arrêtez de généraliser",
            "réduire {les} à des clichés, c'est paresseux et dangereux",
            "les propos de ce député sur {les} sont indignes, point",
            "ceux qui veulent « virer » {les} oublient qu'on parle d'êtres humains"]),
        "d": ("group", "none", [
            "vous vous rendez compte que vous parlez {des} comme si c'étaient pas des humains ?",
            "ça vous fait quoi de passer vos soirées à insulter {des} en ligne ?",
            "sérieux, en 2026 on en est encore à déshumaniser {les} ?",
            "qui a élevé ces gens pour qu'ils menacent {les} comme ça ?"]),
        "e": ("group", "none", [
            "moi je me tiendrai toujours aux côtés {des} face aux menaces",
            "perso je laisse plus passer une seule blague méprisante sur {les} au boulot",
            "j'ai quitté ce groupe parce qu'ils se moquaient {des} en permanence",
            "mon club a viré un membre pour ses insultes contre {les}, et c'est tant mieux"]),
    },
    "quote_condemn": {
        "a": ("group", "none", [
            "un mec m'a écrit « {les} sont des rats », c'est inadmissible",
            "je viens de lire « {les} dehors » sous une vidéo, j'ai signalé",
            "capture d'un compte qui dit que {les} « méritent de crever », signalez-le svp",
            "« {les} c'est une maladie » : voilà ce qu'on lit sur cette appli, honte"]),
        "b": ("they", "none", [
            "{P} m'a envoyé « on sait où tu habites » en DM, plainte déposée",
            "{P} m'a écrit « je vais te retrouver », j'ai tout capturé pour la police",
            "{P} m'a dit « ce serait dommage qu'il arrive quelque chose à ta sœur », direction le commissariat",
            "« t'es qu'une merde, crève » : voilà ce que {N} m'envoie depuis hier, j'en peux plus"]),
        "c": ("group", "none", [
            "signalé : un compte qui traite {les} de vermine depuis des semaines",
            "le tweet qui disait « {les} à la mer » a été supprimé, tant mieux",
            "le procès du type qui avait écrit « mort {aux} » commence demain",
            "la plateforme laisse passer « {les} sont des sous-humains » mais suspend ceux qui le dénoncent"]),
        "d": ("they", "none", [
            "{P} a reçu « on va te faire la peau » sous son tweet, et la modération trouve ça ok ??",
            "{P} a porté plainte pour « je connais ton adresse » et on [lui|lui] demande ce qu'[il|elle] a fait pour mériter ça",
            "{P} a montré à la prof les messages « t'es une sous-merde, disparais », elle a rien fait",
            "{P} s'est fait [traiter|traiter] de « parasite » pendant tout le live, soutien"]),
        "e": ("group", "none", [
            "quand un élu ose dire que {les} « ne sont pas vraiment humains », on doit réagir",
            "« renvoyons {les} chez eux » : cette affiche est une honte et doit être retirée",
            "mon oncle a sorti « {les}, faudrait tous les virer » au repas de Noël, j'ai quitté la table",
            "relire les tracts des années 30 qui disaient « {les} sont un poison », ça glace le sang"]),
    },
    "negation": {
        "a": ("group", "none", [
            "je ne pense pas que {les} soient plus [dangereux|dangereuses] que les autres",
            "je crois pas du tout que {les} soient [des menteurs|des menteuses]",
            "non, {les} ne sont pas un problème pour ce pays",
            "personne ne devrait dire que {les} sont [inférieurs|inférieures], parce que c'est faux"]),
        "b": ("group", "none", [
            "{les} n'ont jamais menacé personne, faut arrêter",
            "jamais je dirai que {les} méritent moins que les autres",
            "{les} ne sont ni des parasites ni des criminels, juste des gens",
            "c'est pas vrai que {les} profitent du système"]),
        "c": ("group", "none", [
            "c'est faux de dire que {les} refusent de s'intégrer, les chiffres disent le contraire",
            "l'idée que {les} seraient moins [intelligents|intelligentes] est un mythe",
            "rien ne prouve que {les} commettent plus de délits",
            "on n'a pas besoin de se protéger {des}, [ils|elles] ne nous veulent aucun mal"]),
        "d": ("group", "none", [
            "qui peut encore croire que {les} sont une menace ?",
            "depuis quand {les} seraient responsables de tous nos problèmes ?",
            "sérieux, vous pensez vraiment que {les} veulent « remplacer » qui que ce soit ?",
            "{les}, [dangereux|dangereuses] ? [lesquels|lesquelles] ? ma voisine qui arrose mes plantes ?"]),
        "e": ("group", "none", [
            "mes collègues sont {des}, et la paresse c'est vraiment pas leur truc",
            "j'ai grandi entouré {de} et [aucun|aucune] ne m'a jamais fait de mal",
            "j'ai bossé dix ans avec {des} et j'ai jamais vu le moindre comportement violent",
            "j'habite un quartier plein {de} et franchement c'est tout sauf dangereux"]),
    },
    "neutral_mention": {
        "a": ("group", "none", [
            "un rapport publié ce matin sur l'emploi {des} en Île-de-France",
            "{les} représentent une part importante des bénévoles de l'asso, selon l'étude",
            "débat ce soir à la médiathèque sur la place {des} dans les médias",
            "le documentaire sur l'histoire {des} en France passe jeudi sur Arte"]),
        "b": ("group", "none", [
            "quelqu'un connaît une asso qui accompagne {les} dans leurs démarches ?",
            "pour mon mémoire je cherche des témoignages {de}, DM ouverts",
            "est-ce qu'il existe des stats fiables sur le nombre {de} en France ?",
            "vous conseillez quel bouquin pour comprendre l'histoire {des} ?"]),
        "c": ("group", "none", [
            "dans mon immeuble il y a {des}, des étudiants, des retraités, bref un immeuble normal",
            "la prof a invité {des} à parler de leur parcours, c'était intéressant",
            "au taf on est une équipe mixte, avec {des} et pas mal de jeunes",
            "ma coloc fait une thèse sur les représentations {des} au cinéma"]),
        "d": ("group", "none", [
            "rappel : réunion d'info ouverte {aux} et à leurs proches mardi 18h",
            "conférence samedi : « {les} et le marché du travail », entrée libre",
            "épisode 12 du podcast : on reçoit {des} qui racontent leur quotidien",
            "inscriptions ouvertes pour le forum annuel {des} de la région"]),
        "e": ("group", "none", [
            "selon l'Insee, la moitié {des} de la région a moins de 40 ans",
            "le nombre {de} [inscrits|inscrites] à la fac a augmenté de 4 % cette année",
            "l'enquête porte sur 2 000 {pl} [interrogés|interrogées] en ligne",
            "d'après le sondage, {les} votent un peu moins que la moyenne"]),
    },
    "positive_mention": {
        "a": ("group", "none", [
            "{les} de mon quartier sont les gens les plus généreux que je connaisse",
            "j'adore bosser avec {des}, toujours de bonnes idées",
            "{les} ont tellement apporté à ce pays, merci",
            "grosse admiration pour {les} qui tiennent bon malgré tout"]),
        "b": ("group", "none", [
            "bonne fête à [tous|toutes] {les} qui célèbrent aujourd'hui",
            "mon équipe de foot, c'est plein {de} et c'est la meilleure ambiance de la ligue",
            "le festival organisé par {des} ce week-end était génial",
            "trop contente que ma fac recrute enfin plus {de} comme profs"]),
        "c": ("group", "none", [
            "merci {aux} qui m'ont aidée quand ma voiture est tombée en panne hier",
            "mes voisins sont {des} et [ils|elles] sont adorables",
            "le médecin qui m'a sauvé la vie est {un}, respect éternel",
            "on a besoin de plus {de} en politique, clairement"]),
        "d": ("group", "none", [
            "thread des meilleurs comptes {de} à suivre, vous allez adorer 👇",
            "conseil lecture : les mémoires d'une militante qui défend {les} depuis 30 ans",
            "abonnez-vous à cette chaîne tenue par {des}, le contenu est incroyable",
            "ce resto tenu par {des} est le meilleur de la ville, foncez"]),
        "e": ("group", "none", [
            "j'espère que ma fille grandira dans un monde où {les} seront enfin [respectés|respectées]",
            "vivement le jour où {les} n'auront plus à se justifier d'exister",
            "j'ai hâte de voir {un} à l'Élysée",
            "que cette année soit douce pour {les}, vous le méritez"]),
    },
}
