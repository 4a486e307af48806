"""Neutral training sentences that mention groups: hate data is full of group words, so without
these the model learns that "musulmane" or "gay" is itself harmful. Frames and group lists are
ours and differ from tests/fixtures/identity_terms.jsonl, which is never trained on."""

FR_GROUPS = ["musulmans", "musulmanes", "juifs", "juives", "chrétiens", "gays", "lesbiennes", "homosexuels",
             "bisexuels", "personnes trans", "transgenres", "noirs", "arabes", "maghrébins", "africains",
             "asiatiques", "chinois", "immigrés", "migrants", "réfugiés", "roms", "gitans", "femmes",
             "féministes", "personnes handicapées", "autistes", "sourds", "personnes obèses", "juifs pratiquants",
             "femmes voilées", "catholiques", "athées", "personnes âgées", "hommes", "filles", "étrangers"]
FR_FRAMES = ["j'ai lu un article sur les {g} de ma région", "plusieurs {g} travaillent dans mon équipe",
             "un documentaire sur l'histoire des {g} passe ce soir", "les {g} sont invités à la réunion de quartier",
             "une association de {g} organise une collecte", "mes voisins sont des {g} très sympas",
             "le colloque portait sur la place des {g} dans la société", "des {g} ont témoigné à la radio",
             "je discute souvent avec des {g} au club de sport", "la mairie soutient les {g} du quartier",
             "nous sommes des {g} et nous aimons cette ville", "merci aux {g} qui ont aidé pour la fête"]
EN_GROUPS = ["Muslims", "Muslim women", "Jews", "Christians", "gay people", "gay men", "lesbians", "bisexual people",
             "trans people", "transgender women", "Black people", "Black women", "Arabs", "Africans", "Asians",
             "Chinese people", "immigrants", "migrants", "refugees", "Mexicans", "Latinos", "women", "feminists",
             "disabled people", "autistic people", "deaf people", "Hindus", "Sikhs", "Roma", "queer people",
             "homosexuals", "old people", "men", "girls", "foreigners", "Native Americans"]
EN_FRAMES = ["I read an article about {g} in my region", "several {g} work on my team",
             "a documentary about the history of {g} airs tonight", "{g} are invited to the town hall meeting",
             "a group of {g} is running a food drive", "my neighbors are {g} and very friendly",
             "the conference was about {g} in society", "some {g} spoke on the radio this morning",
             "I often chat with {g} at the gym", "the city supports {g} in our neighborhood",
             "we are {g} and we love this city", "thanks to the {g} who helped with the party"]

# Single words naming groups (both languages, singular and plural forms).
GROUP_WORDS = sorted(set(w for g in FR_GROUPS + EN_GROUPS for w in g.lower().split()
                      if len(w) > 3 and w not in ("people", "personnes", "pratiquants", "native")) | {
    "musulman", "musulmane", "juif", "juive", "gay", "gai", "lesbienne", "homo", "homosexuel", "homosexuelle",
    "trans", "noir", "noire", "arabe", "africain", "africaine", "asiatique", "immigré", "immigrée", "migrant",
    "réfugié", "rom", "femme", "féministe", "handicapé", "handicapée", "autiste", "sourd", "obèse", "voilée",
    "muslim", "jew", "jewish", "black", "arab", "african", "asian", "chinese", "immigrant", "migrant", "refugee",
    "mexican", "latino", "woman", "feminist", "disabled", "autistic", "deaf", "hindu", "sikh", "queer",
    "homosexual", "bisexual", "transgender", "lesbian", "islam", "islamic", "christian", "catholic", "hijab"})


def sentences():
    """(text, lang) pairs: every group in every frame, once in lower case and once capitalised."""
    out = []
    for groups, frames, lang in ((FR_GROUPS, FR_FRAMES, "fr"), (EN_GROUPS, EN_FRAMES, "en")):
        for i, g in enumerate(groups):
            for j, f in enumerate(frames):
                if (i + j) % 3 == 0:  # a third of the grid is plenty and keeps the set small
                    s = f.format(g=g)
                    out.append((s[0].upper() + s[1:] + ".", lang))
    return out
