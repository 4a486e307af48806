# English templates for the abusive (label 1) functions aimed at a person.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
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
