# English templates for the clean contrasts (label 0) that name groups or quote abuse: counter-speech, quoting to condemn, negation, neutral and positive mentions.
# Slots: see targets.py; "[m|f]" picks by the target's gender. Families d and e are held out
# (generate.SPLIT) and were written with sentence patterns that families a-c do not use.
FAMILIES = {
    "counter_speech": {
        "a": ("group", "none", [
            "saying {pl} are parasites is just plain hate",
            "stop treating {pl} like criminals, enough",
            "people who insult {pl} should be ashamed of themselves",
            "hatred of {pl} is not an opinion, it's a crime"]),
        "b": ("group", "none", [
            "full support to the {pl} getting vile messages right now",
            "if you harass {pl} you're not edgy, you're a coward",
            "I block and report every account that spits on {pl}",
            "the replies under that post about {pl} are disgusting, report them"]),
        "c": ("group", "none", [
            "no, {pl} are not \"all the same\", stop generalising",
            "reducing {pl} to stereotypes is lazy and dangerous",
            "that MP's comments about {pl} are disgraceful, full stop",
            "the people who want to \"kick out\" {pl} forget we're talking about human beings"]),
        "d": ("group", "none", [
            "do you realise you talk about {pl} as if they weren't human?",
            "what do you get out of spending your evenings insulting {pl} online?",
            "seriously, it's 2026 and we're still dehumanising {pl}?",
            "who raised these people to threaten {pl} like that?"]),
        "e": ("group", "none", [
            "I will always stand with {pl} against these threats",
            "I don't let a single sneering joke about {pl} slide at work anymore",
            "I left that group chat because they mocked {pl} constantly",
            "my club kicked out a member for abusing {pl}, and good riddance"]),
    },
    "quote_condemn": {
        "a": ("group", "none", [
            "some guy just replied \"{pl} are rats\" to me, this is unacceptable",
            "just saw \"{pl} out\" under a video, reported it",
            "screenshot of an account saying {pl} \"deserve to die\", please report",
            "\"{pl} are a disease\": this is what you read on this app now, shameful"]),
        "b": ("they", "none", [
            "{P} sent me \"we know where you live\" in DMs, I've filed a police report",
            "{P} wrote \"I will find you\" to me, I screenshotted everything for the police",
            "{P} told me \"it'd be a shame if something happened to your sister\", going to the police",
            "\"you're worthless, go die\": that's what {P} has been sending me since yesterday, I can't take it"]),
        "c": ("group", "none", [
            "reported: an account that has been calling {pl} vermin for weeks",
            "the tweet that said \"throw {pl} in the sea\" got taken down, good",
            "the trial of the man who posted \"death to {pl}\" starts tomorrow",
            "this site lets \"{pl} are subhuman\" stay up but bans people who call it out"]),
        "d": ("they", "none", [
            "{P} got \"we're going to get you\" under a tweet and moderation says it's fine??",
            "{P} reported \"I know your address\" to the police and people ask what [he|she] did to deserve it",
            "{P} showed the teacher the messages saying \"you're garbage, disappear\" and nothing happened",
            "{P} got called a \"parasite\" for the whole stream, sending support"]),
        "e": ("group", "none", [
            "when an elected official says {pl} are \"not really human\", we have to respond",
            "\"send {pl} home\": that billboard is a disgrace and must come down",
            "my uncle came out with \"{pl} should all be thrown out\" at christmas dinner, I left the table",
            "rereading 1930s pamphlets that called {pl} \"a poison\" is chilling"]),
    },
    "negation": {
        "a": ("group", "none", [
            "I don't think {pl} are any more dangerous than anyone else",
            "I don't believe for a second that {pl} are liars",
            "no, {pl} are not a problem for this country",
            "nobody should say {pl} are inferior, because it's false"]),
        "b": ("group", "none", [
            "{pl} have never been a threat to anyone",
            "I'll never say {pl} deserve less than anyone else",
            "{pl} are neither parasites nor criminals, just people",
            "it's not true that {pl} game the system"]),
        "c": ("group", "none", [
            "it's wrong to say {pl} refuse to integrate, the numbers say the opposite",
            "the idea that {pl} are less intelligent is a myth",
            "there's no evidence {pl} commit more crimes",
            "we don't need protecting from {pl}, they mean us no harm"]),
        "d": ("group", "none", [
            "who still believes {pl} are a threat?",
            "since when are {pl} responsible for all our problems?",
            "seriously, you think {pl} want to \"replace\" anyone?",
            "{pl}, dangerous? which ones? the neighbour who waters my plants?"]),
        "e": ("group", "none", [
            "my coworkers are {pl} and no, they are not lazy",
            "I grew up surrounded by {pl} and none of them ever hurt me",
            "I worked ten years with {pl} and never saw a hint of violence",
            "I live in a neighbourhood full of {pl} and honestly it's anything but dangerous"]),
    },
    "neutral_mention": {
        "a": ("group", "none", [
            "a report out this morning on employment among {pl} in the region",
            "{pl} make up a large share of the charity's volunteers, the study says",
            "panel tonight at the library on how {pl} are portrayed in the media",
            "the documentary on the history of {pl} in Britain airs on thursday"]),
        "b": ("group", "none", [
            "does anyone know a charity that helps {pl} with paperwork?",
            "for my dissertation I'm looking for testimonies from {pl}, DMs open",
            "are there reliable stats on how many {pl} live here?",
            "which book would you recommend to understand the history of {pl}?"]),
        "c": ("group", "none", [
            "my building has {pl}, students, retirees, just a normal building",
            "our teacher invited {pl} to talk about their careers, it was interesting",
            "at work we're a mixed team, with {pl} and a lot of young people",
            "my flatmate is writing a thesis on how films depict {pl}"]),
        "d": ("group", "none", [
            "reminder: info session open to {pl} and their families, tuesday 6pm",
            "talk on saturday: \"{pl} and the job market\", free entry",
            "episode 12 of the podcast: we hear from {pl} about their daily lives",
            "registration is open for the regional forum of {pl}"]),
        "e": ("group", "none", [
            "according to the census, half of {pl} here are under 40",
            "the number of {pl} enrolled at the university rose 4% this year",
            "the survey covers 2,000 {pl} interviewed online",
            "per the poll, {pl} vote slightly less than average"]),
    },
    "positive_mention": {
        "a": ("group", "none", [
            "the {pl} in my neighbourhood are the most generous people I know",
            "I love working with {pl}, always great ideas",
            "{pl} have given so much to this country, thank you",
            "huge admiration for {pl} who keep going despite everything"]),
        "b": ("group", "none", [
            "happy holidays to all the {pl} celebrating today",
            "my football team is full of {pl} and it's the best vibe in the league",
            "the festival {pl} put on this weekend was amazing",
            "so glad my uni is finally hiring more {pl} as lecturers"]),
        "c": ("group", "none", [
            "thank you to the {pl} who helped me when my car broke down yesterday",
            "my neighbours are {pl} and they're lovely",
            "the doctor who saved my life is {a}, eternal respect",
            "we need more {pl} in politics, clearly"]),
        "d": ("group", "none", [
            "thread of the best accounts by {pl} to follow, you'll love them 👇",
            "book rec: the memoir of an activist who has defended {pl} for 30 years",
            "subscribe to this channel run by {pl}, the content is incredible",
            "this restaurant run by {pl} is the best in town, go"]),
        "e": ("group", "none", [
            "I hope my daughter grows up in a world where {pl} are finally respected",
            "can't wait for the day {pl} no longer have to justify existing",
            "can't wait to see {a} in the White House",
            "may this year be kind to {pl}, you deserve it"]),
    },
}
