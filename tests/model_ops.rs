//! The model's own ONNX operator table (src/model/onnx_ops.rs): the shipped graph scores as it
//! did with tract-onnx's full table, and a graph using any other operator is refused by name.

use rempart::model::Model;
use rempart::normalize::normalize;
use rempart::{Category, Engine, Settings};
use tract_onnx::prelude::Framework;

const MODEL: &[u8] = include_bytes!("../models/rempart.onnx");

/// Scores of the shipped model recorded at 6a37fe0, when the model was loaded through
/// `tract_onnx::onnx()` (every operator): text, then toxicity, insult, threat,
/// identity_attack, profanity. The operator table of our own gave the same bits. A retrained
/// `models/rempart.onnx` changes them: record them again from `tract_onnx::onnx()` (the library
/// test `the_shipped_model_optimizes_to_the_same_graph_as_with_every_operator` needs no values).
const KNOWN: [(&str, [f32; 5]); 5] = [
    ("t'es vraiment qu'une sale merde, personne ne t'aime", [0.6114487, 0.59382623, 0.002102226, 0.07839951, 0.8059832]),
    ("Belle journée au marché ce matin, les tomates sont enfin là", [0.02861008, 0.01023528, 0.0031184554, 0.018998533, 0.0054650903]),
    ("you are a worthless idiot and everyone hates you", [0.64371777, 0.56755763, 0.004311204, 0.01824677, 0.723613]),
    ("je vais te retrouver et tu vas le regretter", [0.64017177, 0.07075286, 0.9522251, 0.008504808, 0.3479533]),
    ("", [0.04399979, 0.018049926, 0.004221022, 0.010264277, 0.017433435]),
];

#[test]
fn the_shipped_model_scores_as_with_the_full_operator_table() {
    let m = Model::from_bytes(MODEL).expect("shipped model loads");
    let order = [Category::Toxicity, Category::Insult, Category::Threat, Category::IdentityAttack, Category::Profanity];
    assert_eq!(m.categories(), order);
    let views: Vec<String> = KNOWN.iter().map(|(t, _)| normalize(t).full.text).collect();
    let texts: Vec<&str> = views.iter().map(String::as_str).collect();
    for ((text, known), scores) in KNOWN.iter().zip(m.predict(&texts).unwrap()) {
        for (c, want) in order.iter().zip(known) {
            let got = scores.get(*c);
            assert!((got - want).abs() < 1e-6, "{text:?} {c:?}: {got} against {want} before");
        }
    }
}

/// The shipped model with its one Relu renamed Tanh: a real ONNX operator, of the same length,
/// that tract-onnx's full table knows but the model does not use.
fn with_tanh() -> Vec<u8> {
    let at = MODEL.windows(4).position(|w| w == b"Relu").expect("the model has a Relu");
    assert_eq!(MODEL.windows(4).filter(|w| *w == b"Relu").count(), 1, "Relu appears once, as an op_type");
    let mut other = MODEL.to_vec();
    other[at..at + 4].copy_from_slice(b"Tanh");
    other
}

#[test]
fn a_model_with_another_operator_is_refused_naming_it() {
    let other = with_tanh();
    // The patch is a valid model that the full table would load: the refusal is ours.
    tract_onnx::onnx().model_for_read(&mut &other[..]).expect("tract-onnx's full table loads it");
    let err = Model::from_bytes(&other).unwrap_err().to_string();
    assert!(err.contains("ONNX operator Tanh") && err.contains("does not include"), "{err}");
    let err = Engine::new(Some(&other), None, Settings::default()).unwrap_err().to_string();
    assert!(err.contains("Tanh"), "{err}");
}
