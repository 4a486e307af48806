//! The shipped model (models/rempart.onnx) through the engine: it loads with its metadata,
//! scores are probabilities, batching and padding do not change a text's scores, and a model
//! trained with another featurizer is refused.

use rempart::{Category, Engine, Settings};

const MODEL: &[u8] = include_bytes!("../models/rempart.onnx");

fn engine() -> Engine {
    Engine::new(Some(MODEL), None, Settings::default()).expect("shipped model loads")
}

#[test]
fn the_shipped_model_loads_and_scores_probabilities() {
    let e = engine();
    assert!(e.has_model());
    let m = e.model().unwrap();
    assert!(m.categories().contains(&Category::Toxicity) && m.categories().contains(&Category::Insult));
    let v = e.classify("t'es vraiment qu'une sale merde, personne ne t'aime");
    assert!(v.model);
    for (_, s) in v.categories.iter() {
        assert!((0.0..=1.0).contains(&s));
    }
    let toxic = v.categories.get(Category::Toxicity);
    let clean = e.classify("Belle journée au marché ce matin, les tomates sont enfin là").categories.get(Category::Toxicity);
    assert!(toxic > clean, "toxic {toxic} vs clean {clean}");
}

#[test]
fn batching_and_padding_do_not_change_scores() {
    let e = engine();
    let texts = ["court", "un texte nettement plus long avec beaucoup de mots pour allonger le rembourrage du lot", ""];
    let (batch, err) = e.classify_batch(&texts);
    assert!(err.is_none());
    for (t, v) in texts.iter().zip(&batch) {
        let alone = e.classify(t);
        for c in Category::ALL {
            assert!((alone.categories.get(c) - v.categories.get(c)).abs() < 1e-5, "{t:?} {c:?}");
        }
    }
}

#[test]
fn a_model_from_another_featurizer_is_refused() {
    let needle = rempart::model::FEATURIZER_VERSION.as_bytes();
    let at = MODEL.windows(needle.len()).position(|w| w == needle).expect("featurizer recorded in the model");
    let mut other = MODEL.to_vec();
    let last = at + needle.len() - 1;
    other[last] = if other[last] == b'9' { b'8' } else { b'9' };
    let err = Engine::new(Some(&other), None, Settings::default()).unwrap_err();
    assert!(err.to_string().contains("featurizer"), "{err}");
}

#[test]
fn the_shipped_model_reads_words_through_its_vocabulary() {
    let e = engine();
    let m = e.model().unwrap();
    assert!(m.vocabulary_size() >= 10_000, "vocabulary of {} words", m.vocabulary_size());
    // The same words in another order feed the embeddings the same mean, but not the same
    // n-gram pairs: scores differ, and both stay probabilities.
    let a = e.classify("vous êtes tous des parasites").categories.get(Category::Toxicity);
    let b = e.classify("parasites des tous êtes vous").categories.get(Category::Toxicity);
    assert!((0.0..=1.0).contains(&a) && (0.0..=1.0).contains(&b));
    assert!((a - b).abs() > 1e-6, "{a} {b}");
}
