# English templates for the clean contrasts (label 0) with no group: untargeted profanity, insults of things, ordinary disagreement.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
    "profanity_no_target": {
        "a": ("event", "profanity", [
            "holy shit, {T}!",
            "fuck me, {T}, I can't take any more",
            "what the hell was {T}",
            "{T}, fucking hell, what a ride"]),
        "b": ("event", "profanity", [
            "shit, {T}, I'm not over it",
            "oh my fucking god {T} 😭",
            "damn {T} was a mess",
            "{T} holy crap, insane"]),
        "c": ("event", "profanity", [
            "{T} is pissing me off, honestly",
            "{T} was fucking wild",
            "I'm so sick of {T}, bloody hell",
            "{T} wore me out, ugh, screw it"]),
        "d": ("event", "profanity", [
            "I'm so screwed with {T}, haven't prepared a thing",
            "shit I forgot my keys, {T} is off to a great start",
            "dammit I spilled coffee everywhere, gotta love {T}",
            "fuck fuck fuck, {T} and my alarm didn't go off"]),
        "e": ("event", "profanity", [
            "{T} was fucking brilliant",
            "goddamn {T} was beautiful",
            "hell yes, {T}",
            "{T} was sick as fuck, I screamed like a maniac"]),
    },
    "insult_thing": {
        "a": ("thing", "profanity", [
            "{T} is total shit",
            "{T} is crap",
            "{T} sucks ass",
            "honestly {T} is a steaming pile of garbage"]),
        "b": ("thing", "none", [
            "never buy {T}, it's a scam",
            "{T} deserves zero stars",
            "{T} is an insult to intelligence",
            "wasted two hours on {T}, what a slog"]),
        "c": ("thing", "none", [
            "a toaster has more soul than {T}",
            "{T} is even worse than last year's, and that was hard",
            "{T} is unbelievably ugly",
            "{T}? a disaster from start to finish"]),
        "d": ("thing", "none", [
            "{T}, just die already",
            "I'm going to throw {T} out the window",
            "{T}, I hate you with all my heart",
            "I'm going to smash {T} with a hammer"]),
        "e": ("thing", "none", [
            "rating: 2/10 for {T}, a horror",
            "honest review of {T}: bin it",
            "verdict after a week: {T} is a joke",
            "if I had to sum up {T} in one word: dire"]),
    },
    "disagreement": {
        "a": ("topic", "none", [
            "I disagree with {T}, it'll hit low earners hardest",
            "{T} is honestly a bad idea in my view",
            "the arguments for {T} don't hold up, sorry",
            "you can criticise {T} without being an extremist, you know"]),
        "b": ("they", "none", [
            "{P} voted against the school lunch budget, that seems inconsistent to me",
            "{P} is completely wrong on this issue, the figures say otherwise",
            "{P} made a mistake cancelling the festival, I hope [he|she] reconsiders",
            "I respect {O}, but that last op-ed was really weak"]),
        "c": ("you", "none", [
            "I don't see it the way you do, but thanks for taking the time to explain",
            "interesting thread, but I think you're leaving out the cost question",
            "sorry but you're wrong on this point, check the sources",
            "we'll never agree on this one, and that's fine"]),
        "d": ("topic", "none", [
            "seriously, who thought {T} was a good idea? it costs a fortune",
            "{T}: for me the downsides far outweigh the upsides",
            "three reasons I'm against {T} 🧵",
            "{T} is heading the wrong way and I'll say so at the ballot box"]),
        "e": ("they", "none", [
            "listened to {Ps} talk yesterday, not convinced at all",
            "{Ps} record on the council is poor, it has to be said",
            "with all due respect to {O}, those figures are wrong",
            "{Ps} plan is unrealistic, but at least [he|she] is proposing something"]),
    },
}
