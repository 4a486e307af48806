//! The model's own ONNX operator table (src/model/onnx_ops.rs): the shipped graph scores as it
//! did with tract-onnx's full table, and a graph using any other operator is refused by name.

use rempart::model::Model;
use rempart::normalize::normalize;
use rempart::{Category, Engine, Settings};
use tract_onnx::prelude::Framework;

const MODEL: &[u8] = include_bytes!("../models/rempart.onnx");

/// Scores of the shipped model: text, then toxicity, insult, threat, identity_attack, profanity.
/// First recorded at 6a37fe0 through `tract_onnx::onnx()` (every operator), where the operator
/// table of our own gave the same bits; the scale moved after the weighted sum (stop 19) kept
/// them within 1e-6. Recorded again for the int8 word table (stop 19) with our table, whose
/// optimized graph the library test `the_shipped_model_optimizes_to_the_same_graph_as_with_every_operator`
/// shows equal to the full table's. A retrained `models/rempart.onnx` changes them.
const KNOWN: [(&str, [f32; 5]); 5] = [
    ("t'es vraiment qu'une sale merde, personne ne t'aime", [0.61259854, 0.5955414, 0.0020982325, 0.07875046, 0.80797774]),
    ("Belle journée au marché ce matin, les tomates sont enfin là", [0.028357804, 0.010185182, 0.00309816, 0.018763721, 0.0054047406]),
    ("you are a worthless idiot and everyone hates you", [0.64250696, 0.5673632, 0.0042749047, 0.018043816, 0.72397095]),
    ("je vais te retrouver et tu vas le regretter", [0.637936, 0.0702613, 0.95200956, 0.00845018, 0.34471807]),
    ("", [0.04399979, 0.018049896, 0.004221022, 0.010264277, 0.017433465]),
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
