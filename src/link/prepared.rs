//! What the matcher compares of one account, computed once: canonical name, handle stem,
//! informative avatar, writing profile and activity; and which pictures are too popular to count.

use super::{activity, handles, names, score, writing, Account, AvatarHash};

/// A picture shown by this many accounts, two of which have unrelated names, is a default
/// picture, a flag or a club logo: it says nothing about who is behind them. (Counting only
/// strangers was not enough: a near-homonym makes X's default picture look personal.)
const POPULAR_AVATAR_ACCOUNTS: usize = 3;

/// What is compared, computed once per account.
pub(super) struct Prepared {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) stem: String,
    pub(super) avatar: Option<AvatarHash>,
    pub(super) writing: writing::Profile,
    pub(super) activity: activity::Activity,
}

pub(super) fn prepare(a: &Account) -> Prepared {
    let key = a.handle.trim().trim_start_matches('@').to_lowercase();
    Prepared {
        activity: activity::Activity::new(&a.times, &a.targets, &key),
        key,
        name: names::canonical_name(&a.name),
        stem: handles::handle_stem(&a.handle),
        avatar: a.avatar.filter(|h| h.is_informative()),
        writing: writing::Profile::new(&a.texts),
    }
}

/// Whether a picture shared by these accounts is a popular one (see `POPULAR_AVATAR_ACCOUNTS`).
pub(super) fn is_popular(sharing: &[&Prepared]) -> bool {
    sharing.len() >= POPULAR_AVATAR_ACCOUNTS
        && sharing.iter().enumerate().any(|(k, p)| sharing[k + 1..].iter().any(|q| score::unrelated_identities(p, q)))
}

