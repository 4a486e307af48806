# English templates for the abusive (label 1) functions aimed at groups.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
    "derogation": {
        "a": ("group", "identity_attack", [
            "{pl} are all freeloaders, stop pretending otherwise",
            "{pl} are liars, every single one of them",
            "{pl} just can't fit in anywhere, it's in their nature",
            "{pl} have nothing going on upstairs, sorry not sorry"]),
        "b": ("group", "identity_attack", [
            "ever notice how whenever something goes wrong it's always {pl}?",
            "why are {pl} always the first to whine when they never lift a finger?",
            "who honestly still wants to work alongside {pl}?",
            "what is it with {pl}, why can't they act like normal people"]),
        "c": ("group", "identity_attack", [
            "{a} will lie to your face without blinking",
            "I'd never let {a} babysit my kids, way too risky",
            "hire {a} and watch the trouble start",
            "if {a} gets ahead it's because they cheated, simple as that"]),
        "d": ("group", "identity_attack", [
            "put {pl} on a team and watch the average drop",
            "a dog is more trustworthy than {pl}",
            "the brain power among {pl} is honestly scary",
            "{pl} are worth less than nothing to society"]),
        "e": ("group", "identity_attack", [
            "friendly advice: never trust {pl}",
            "watch your wallet around {pl}, just saying",
            "stay out of neighbourhoods full of {pl}, you'll thank me",
            "never rent your place to {pl}, don't say I didn't warn you"]),
    },
    "dehumanisation": {
        "a": ("group", "identity_attack", [
            "{pl} are rats, they breed everywhere",
            "{pl} are vermin eating this country alive",
            "{pl} aren't human, they're animals",
            "{pl} are cattle and nothing more"]),
        "b": ("group", "identity_attack", [
            "{pl} are a disease on this country",
            "{pl} are a cancer spreading through our cities",
            "every street {pl} move into ends up rotting",
            "{pl} infect everything they touch"]),
        "c": ("group", "identity_attack", [
            "{pl} are garbage, plain and simple",
            "we should treat {pl} like the trash they are",
            "{pl} are parasites living off the rest of us",
            "{pl} are subhumans and don't deserve to be treated like us"]),
        "d": ("group", "identity_attack", [
            "I honestly can't tell the difference between a cockroach and {a}",
            "{a} is worth about as much as a pest",
            "to me {a} is barely above an ape",
            "my dog is worth more than {a}, by a mile"]),
        "e": ("group", "identity_attack", [
            "this whole area is crawling with {pl}, it's like a sewer",
            "look at {those} multiplying like insects",
            "{pl} should be penned in like livestock",
            "a swarm of {pl}, like locusts over a field"]),
    },
    "eliminationist": {
        "a": ("group", "identity_attack", [
            "{pl} out, all of them, no exceptions",
            "kick {pl} back where they came from",
            "we need to throw {pl} out of this country once and for all",
            "{pl} have no place here, deport them now"]),
        "b": ("group", "identity_attack", [
            "the world would be so much better without {pl}",
            "the day {pl} are gone from this country will be a good day",
            "if {pl} just vanished nobody would miss them",
            "a country without {pl} is all I'm asking for"]),
        "c": ("group", "threat", [
            "we should exterminate {pl}, it's the only solution",
            "{pl} should all be wiped out",
            "get rid of {pl} for good, by any means necessary",
            "{pl} deserve to die, every one of them"]),
        "d": ("group", "identity_attack", [
            "simple proposal: camps for {pl} and we never talk about it again",
            "if I were in charge: zero {pl}, borders shut, send them all back",
            "there should be a law to sterilise {pl}, period",
            "bring back the trains for {pl}, that's my platform"]),
        "e": ("group", "identity_attack", [
            "this country needs a good cleansing of {pl} sooner or later",
            "one good sweep of {pl} and we can finally breathe",
            "the big clean-up starts with {pl}",
            "clear the decks: {pl} first, the rest will follow"]),
    },
    "threat_group": {
        "a": ("group", "threat", [
            "we're going to deal with {pl}, and soon",
            "{pl}, we're coming for you",
            "soon we'll round up {pl} one by one",
            "{pl}, get ready, there's going to be blood"]),
        "b": ("group", "threat", [
            "if I run into {a} tonight they're not walking home",
            "if {a} talks to me I'm breaking their jaw",
            "if {pl} show up on my street I'm getting the rifle",
            "if {a} ever sets foot on my property they're leaving in pieces"]),
        "c": ("group", "threat", [
            "{pl}, you're going to pay, every last one of you",
            "to all the {pl} reading this: your days are numbered",
            "{pl}, we know your neighbourhoods, we're on our way",
            "{pl} better hide, it's open season"]),
        "d": ("group", "threat", [
            "saturday night we pay {pl} a visit, bring bats",
            "on the 14th we take action against {pl}, be ready",
            "hunting {pl} tonight, who's in?",
            "got the petrol bombs ready, this time {pl} will learn"]),
        "e": ("group", "threat", [
            "one day {pl} will wake up to their houses on fire and they'll have earned it",
            "there will be blood, and it'll be the blood of {pl}",
            "this ends badly for {pl}, very badly, and I'll make sure of it",
            "wait and see what happens to {pl} once there are enough of us"]),
    },
}
