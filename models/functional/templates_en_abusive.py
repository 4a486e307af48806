# English templates for the abusive functions (label 1). Slots: see targets.py; "[m|f]" picks
# by the target's gender. Families d and e are held out and use other sentence patterns.
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
    "threat_person": {
        "a": ("you", "threat", [
            "I'm going to smash your face in",
            "I will find you and you'll regret it",
            "I swear I'm going to stab you",
            "you're going to end up in the hospital, trust me"]),
        "b": ("they", "threat", [
            "next time I see {O} I'm going to wreck [him|her]",
            "I'm settling the score with {O} tonight",
            "I'll end {O} the moment I run into [him|her]",
            "{P} better not leave the house, I'll be waiting"]),
        "c": ("you", "threat", [
            "come back to my neighbourhood and I'll break your legs",
            "keep talking and you'll wake up in the ER",
            "one more tweet like that and I torch your car",
            "reply one more time and I'll track you down, don't worry"]),
        "d": ("you", "threat", [
            "tomorrow 5pm outside your school, come alone",
            "tonight's your night, I'm bringing friends",
            "start counting the days you've got left",
            "enjoy your weekend, it's your last one"]),
        "e": ("they", "threat", [
            "{P} won't see the end of the month, I'll see to that",
            "{P} is about to learn what pain feels like",
            "{P} will be found in a ditch, mark my words",
            "the day {P} walks out alone is the day [he|she] dies"]),
    },
    "accusation": {
        "a": ("they", "defamation", [
            "{P} messes with kids, spread the word",
            "{P} is a paedo, share this before it gets taken down",
            "heads up, {P} is grooming minors in DMs, RT to protect your kids",
            "{P} has pictures of children on [his|her] phone, everyone needs to know"]),
        "b": ("they", "defamation", [
            "{P} raped a girl last year and nobody says a word",
            "{P} deals outside the middle school and the cops don't care",
            "{P} stole from the charity fund, total fraud",
            "{P} beats [his girlfriend|her boyfriend], I have proof"]),
        "c": ("you", "defamation", [
            "everyone knows you hit your [girlfriend|boyfriend]",
            "you scammed dozens of people and it's all coming out",
            "admit you hang out on paedo forums",
            "we know you assaulted that girl at the party, own it"]),
        "d": ("they", "defamation", [
            "word is {P} goes after 13 year olds, doesn't surprise me",
            "I've been told {P} is mixed up in drug trafficking, anyone surprised?",
            "according to several people {P} already did time for assault",
            "rumour confirmed: {P} sells drugs to teenagers"]),
        "e": ("they", "defamation", [
            "expose {O}: a predator whose victims are 10 to 14 years old",
            "report {O} everywhere, child abuser",
            "calling it out: {P} blackmails minors for nudes",
            "thread on {Ps} sexual assaults, open your eyes"]),
    },
    "incitement": {
        "a": ("they", "threat", [
            "somebody needs to settle {Ps} account once and for all",
            "someone should teach {O} a lesson [he|she] won't forget",
            "find {O} and straighten [him|her] out",
            "{P} deserves a good beating, who's volunteering?"]),
        "b": ("they", "threat", [
            "if anyone runs into {O}, make sure [he|she] gets the message",
            "if you see {O} in the street you know what to do",
            "if any of you live near {O}, go pay [him|her] a little visit",
            "anyone in Leeds up for roughing {O} up?"]),
        "c": ("they", "threat", [
            "everyone go flood {Ps} mentions until [he|she] deletes",
            "raid on {O} tonight, everyone in the DMs",
            "find {Ps} address and post it, let's have some fun",
            "keep hounding {O} until [he|she] breaks"]),
        "d": ("they", "threat", [
            "50 quid to whoever slaps {O}",
            "drinks on me for whoever shuts {O} up for good",
            "reward for a video of {O} getting beaten up",
            "whoever knocks {O} out is my hero"]),
        "e": ("they", "threat", [
            "nobody's going to go calm {O} down? seriously?",
            "when is someone finally going to shut {O} up?",
            "is there not one guy brave enough to put {O} in [his|her] place physically?",
            "what {P} deserves is a few of us waiting outside after work"]),
    },
    "veiled_threat": {
        "a": ("you", "threat", [
            "it'd be a shame if something happened to your sister",
            "your little sister walks home from school alone, right? be careful",
            "your mum seems nice, it'd be awful if she had an accident",
            "you care about your family? then think before you tweet"]),
        "b": ("you", "threat", [
            "we know where you live",
            "nice front door, the blue one on the third floor",
            "still living on Elm Street? might drop by",
            "your car sits outside all night, huh"]),
        "c": ("they", "threat", [
            "we know where {P} lives, and where [his|her] kids go to school",
            "{P} should keep an eye on [his|her] kids at pickup time",
            "{P} lives alone on the second floor, good to know",
            "tell {O} [his|her] parents aren't safe either"]),
        "d": ("you", "threat", [
            "lovely picture of your house on insta, I made a note of the address",
            "was nice seeing you with your kids at the park on saturday",
            "your kids get out at 3:30, right?",
            "love the colour of your shutters, easy to spot from the road"]),
        "e": ("you", "threat", [
            "accidents at home happen so fast, you know",
            "know what happens to people who talk too much? their family pays",
            "a house fire can start so easily, especially at night",
            "how would you feel coming home and your dog's just gone?"]),
    },
    "insult_person": {
        "a": ("you", "insult", [
            "you're such a loser, nobody can stand you",
            "you're a worthless piece of garbage and you know it",
            "you're useless, you've always been useless",
            "you're painfully stupid, it's embarrassing"]),
        "b": ("they", "insult", [
            "{P} is a failure and it shows from a mile away",
            "{P} has the brain of an oyster",
            "{P} is unbelievably thick",
            "{P} is pathetic, [he|she] makes me sick"]),
        "c": ("you", "insult", [
            "shut your mouth, nobody asked for your opinion, you clown",
            "go back to your crayons, you absolute muppet",
            "go hide, you walking embarrassment",
            "get lost, you sad little [man|woman]"]),
        "d": ("you", "insult", [
            "a chair has more conversation than you",
            "a goldfish has more sense than you",
            "your parents must be ashamed they ever had you",
            "you're living proof evolution can go backwards"]),
        "e": ("they", "insult", [
            "how can anyone be as dumb as {O}?",
            "who gave {O} a phone, [he|she] can't even spell",
            "is there anyone more useless than {O} on this app?",
            "what did we do to deserve an idiot like {O}?"]),
    },
}
