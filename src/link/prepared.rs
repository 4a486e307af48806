//! What the matcher compares of one account, computed once: canonical name, handle stem,
//! informative avatar, writing profile and habits, activity; and which pictures are too popular
//! to count.

use super::{activity, handles, idiolect, names, parody, score, writing, Account, AvatarHash};

/// A picture shown by this many accounts, two of which have unrelated names, is a default
/// picture, a flag or a club logo: it says nothing about who is behind them. (Counting only
/// strangers was not enough: a near-homonym makes X's default picture look personal.) Names
/// are related through a chain of the accounts showing it: one person renaming step by step
/// (`Jean-Michel Dubois`, `JM Dubois`, `jmdbs`) keeps a personal picture personal.
const POPULAR_AVATAR_ACCOUNTS: usize = 3;
/// Chains are looked for among fewer accounts than this: one person's renames are a handful
/// (four at most on the fixtures), and X's default picture can be shown by a thousand accounts
/// of a locker (half a million comparisons). In a crowd, any two unrelated names make the
/// picture popular, chain or not.
const CROWD: usize = 10;

/// What is compared, computed once per account.
pub(super) struct Prepared {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) stem: String,
    /// The handle's words (`handles::handle_words`).
    pub(super) words: handles::HandleWords,
    /// Whether it declares itself a parody, fan or fake account, or claims in its posts to be the
    /// real one (`parody`): either way it copies another account on purpose.
    pub(super) parody: bool,
    pub(super) avatar: Option<AvatarHash>,
    pub(super) writing: writing::Profile,
    pub(super) habits: idiolect::Habits,
    pub(super) activity: activity::Activity,
}

pub(super) fn prepare(a: &Account) -> Prepared {
    let key = a.handle.trim().trim_start_matches('@').to_lowercase();
    let (name, words) = (names::canonical_name(&a.name), handles::HandleWords::new(&a.handle));
    Prepared {
        activity: activity::Activity::new(&a.times, &a.targets, &key),
        key,
        parody: parody::declares_parody(&a.handle, &words, &name) || parody::claims_to_be_the_real_one(&a.texts),
        name,
        stem: handles::handle_stem(&a.handle),
        words,
        avatar: a.avatar.filter(|h| h.is_informative()),
        writing: writing::Profile::new(&a.texts),
        habits: idiolect::Habits::new(&a.texts),
    }
}

/// Groups of accounts showing one picture whose names or handles chain together (`Jean-Michel
/// Dubois` ~ `JM Dubois` ~ `jmdbs`): one person who renamed step by step. `sharing[i]`: the
/// accounts showing account i's picture (i among them). Returns a group number per account
/// (its own for an account in a crowd: see `crowd_is_popular`).
fn picture_groups(prepared: &[Prepared], sharing: &[Vec<usize>]) -> Vec<usize> {
    let mut group: Vec<usize> = (0..prepared.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for (i, others) in sharing.iter().enumerate().filter(|(_, others)| others.len() < CROWD) {
        for &j in others.iter().filter(|&&j| j > i && sharing[j].len() < CROWD) {
            let (a, b) = (root(&mut group, i), root(&mut group, j));
            if a != b && !score::unrelated_identities(&prepared[i], &prepared[j]) {
                group[a.max(b)] = a.min(b);
            }
        }
    }
    (0..prepared.len()).map(|i| root(&mut group, i)).collect()
}

/// Whether a picture is a popular one (see `POPULAR_AVATAR_ACCOUNTS`), given the groups
/// (`picture_groups`) of the accounts showing it: more than one group is more than one person.
fn is_popular(groups: &[usize]) -> bool {
    groups.len() >= POPULAR_AVATAR_ACCOUNTS && groups.iter().any(|&g| g != groups[0])
}

/// Whether a crowd (`CROWD`) showing one picture has two unrelated names among it.
fn crowd_is_popular(sharing: &[&Prepared]) -> bool {
    sharing.iter().enumerate().any(|(k, p)| sharing[k + 1..].iter().any(|q| score::unrelated_identities(p, q)))
}

/// For each account, whether its picture is popular, and its group (`picture_groups`).
/// `sharing[i]`: the accounts showing account i's picture (i among them).
pub(super) fn popular_pictures(prepared: &[Prepared], sharing: &[Vec<usize>]) -> (Vec<bool>, Vec<usize>) {
    let groups = picture_groups(prepared, sharing);
    let popular = sharing
        .iter()
        .map(|others| match others.len() >= CROWD {
            true => crowd_is_popular(&others.iter().map(|&j| &prepared[j]).collect::<Vec<_>>()),
            false => is_popular(&others.iter().map(|&j| groups[j]).collect::<Vec<_>>()),
        })
        .collect();
    (popular, groups)
}

/// Whether a newcomer's picture, shown by the known accounts `sharing` too, is popular: the
/// newcomer joins the groups whose names it relates to, or makes its own.
pub(super) fn newcomer_picture_is_popular(prepared: &[Prepared], groups: &[usize], sharing: &[usize], q: &Prepared) -> bool {
    if sharing.len() + 1 >= CROWD {
        return crowd_is_popular(&sharing.iter().map(|&i| &prepared[i]).chain([q]).collect::<Vec<_>>());
    }
    let joined: Vec<usize> = sharing.iter().filter(|&&i| !score::unrelated_identities(&prepared[i], q)).map(|&i| groups[i]).collect();
    let mine = joined.first().copied().unwrap_or(usize::MAX);
    let mut all: Vec<usize> = sharing.iter().map(|&i| if joined.contains(&groups[i]) { mine } else { groups[i] }).collect();
    all.push(mine);
    is_popular(&all)
}
