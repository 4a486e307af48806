//! The ONNX operators Rempart's model uses, and only those. Why: `tract_onnx::onnx()` registers
//! every ONNX operator (DFT/STFT, recurrent nets, quantization...), which linked 1.4 MB of code
//! the model never runs into the extension's wasm module (docs/footprint.md).
//!
//! Each builder maps one ONNX node to tract's public inference ops, as tract-onnx would for
//! opset 13. A graph with any other operator is refused by `check_operators`, naming it.

use tract_onnx::pb::NodeProto;
use tract_onnx::prelude::*;
use tract_onnx::tract_hir::internal::{expand, BinIntoHir, ElementWiseIntoHir, Expansion, InferenceOp, InferenceResult};
use tract_onnx::tract_hir::internal::{bail, check_input_arity, check_output_arity, Solver, StaticName, TensorProxy};
use tract_onnx::tract_hir::ops::{self, array};
use tract_onnx::model::{OnnxOpRegister, ParsingContext};
use tract_onnx::Onnx;

type Built = TractResult<(Box<dyn InferenceOp>, Vec<String>)>;
type Builder = fn(&ParsingContext, &NodeProto) -> Built;

/// The operator table: one builder per operator of the graph `models/train/export.py` writes.
/// Adding an operator to the model means adding it here (the model tests say which is missing).
const BUILDERS: [(&str, Builder); 11] = [
    ("Add", |_, _| Ok((ops::math::Add.into_hir(), vec![]))),
    ("Sub", |_, _| Ok((ops::math::Sub.into_hir(), vec![]))),
    ("Mul", |_, _| Ok((ops::math::Mul.into_hir(), vec![]))),
    // ONNX's Min takes any number of inputs: folded pairwise.
    ("Min", |_, _| Ok((Box::new(ops::binary::Nary(Box::new(ops::math::Min), false)), vec![]))),
    ("MatMul", |_, _| Ok((expand(ops::matmul::MatMulInference::default()), vec![]))),
    ("Relu", |_, _| Ok((expand(ops::activations::Clip::new(Some(0.0), None)), vec![]))),
    ("Sigmoid", |_, _| Ok((ops::nn::sigmoid().into_hir(), vec![]))),
    ("Gather", |_, node| Ok((expand(array::Gather::new(node.get_attr_opt("axis")?.unwrap_or(0))), vec![]))),
    // tract-onnx casts to int64 as TDim, for shape arithmetic; the model casts int8 to float.
    ("Cast", |_, node| Ok((Box::new(ops::cast::cast(node.get_attr::<DatumType>("to")?)), vec![]))),
    ("Unsqueeze", |ctx, node| axes_op(ctx, node, Axes::Insert)),
    ("Squeeze", |ctx, node| axes_op(ctx, node, Axes::Remove)),
];

/// A tract-onnx front end that knows only the model's operators.
pub fn onnx() -> Onnx {
    let mut register = OnnxOpRegister::default();
    for (name, builder) in BUILDERS {
        register.insert(name, builder);
    }
    Onnx { op_register: register, ..Onnx::default() }
}

/// Refuses a graph with an operator outside the table, before tract parses it (tract would
/// otherwise put a placeholder in its place and fail at `into_optimized` with "Unimplemented(Tanh)
/// ToTypedTranslator: Operator can not be made a TypedOp").
pub fn check_operators(proto: &tract_onnx::pb::ModelProto) -> Result<(), String> {
    let graph = proto.graph.as_ref().ok_or("the ONNX model has no graph")?;
    for node in &graph.node {
        let known = BUILDERS.iter().any(|(name, _)| *name == node.op_type);
        if !known || !(node.domain.is_empty() || node.domain == "ai.onnx") {
            let names: Vec<&str> = BUILDERS.iter().map(|(name, _)| *name).collect();
            let domain = if node.domain.is_empty() { String::new() } else { format!(" (domain {})", node.domain) };
            return Err(format!(
                "the model uses the ONNX operator {}{domain}, which this engine does not include (it has {})",
                node.op_type,
                names.join(", ")
            ));
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, Hash, PartialEq, Eq)]
enum Axes {
    Insert,
    Remove,
}

/// Unsqueeze/Squeeze: before opset 13 the axes are an attribute, from 13 on a second input.
fn axes_op(ctx: &ParsingContext, node: &NodeProto, kind: Axes) -> Built {
    if ctx.onnx_operator_set_version >= 13 {
        return Ok((expand(AxesInput(kind)), vec![]));
    }
    let axes: Vec<isize> = node.get_attr_vec::<i64>("axes")?.into_iter().map(|a| a as isize).collect();
    Ok((kind.op(axes), vec![]))
}

impl Axes {
    fn op(self, axes: Vec<isize>) -> Box<dyn InferenceOp> {
        match self {
            Axes::Insert => expand(array::AddDims::new(axes)),
            Axes::Remove => expand(array::Squeeze::new(Some(axes))),
        }
    }
}

/// Opset-13 Unsqueeze/Squeeze, whose axes come as a second input. tract has ops for fixed
/// axes only (`AddDims`, `Squeeze`), so this reads the axes when that input is a constant
/// (the exporter writes them as an initializer) and hands over to them. A Squeeze without the
/// axes input (ONNX allows it: every axis of size 1) is read as such: other exporters write it.
#[derive(Debug, Clone, Hash, PartialEq, Eq)]
struct AxesInput(Axes);

fn axes_of(t: &Tensor) -> TractResult<Vec<isize>> {
    let t = t.cast_to::<i64>()?;
    let plain = t.try_as_plain_ram()?;
    Ok(plain.as_slice::<i64>()?.iter().map(|&a| a as isize).collect())
}

impl Expansion for AxesInput {
    fn name(&self) -> StaticName {
        match self.0 {
            Axes::Insert => "Unsqueeze13".into(),
            Axes::Remove => "Squeeze13".into(),
        }
    }

    fn rules<'r, 'p: 'r, 's: 'r>(&'s self, s: &mut Solver<'r>, inputs: &'p [TensorProxy], outputs: &'p [TensorProxy]) -> InferenceResult {
        check_output_arity(outputs, 1)?;
        if self.0 == Axes::Remove && inputs.len() == 1 {
            s.equals(&outputs[0].datum_type, &inputs[0].datum_type)?;
            return s.given(&inputs[0].shape, move |s, shape| s.equals(&outputs[0].shape, array::Squeeze::new(None).output_shape(&shape)?));
        }
        check_input_arity(inputs, 2)?;
        s.equals(&outputs[0].datum_type, &inputs[0].datum_type)?;
        let kind = self.0;
        s.given_2(&inputs[0].shape, &inputs[1].value, move |s, shape, axes| {
            let axes = axes_of(&axes)?;
            let out = match kind {
                Axes::Insert => array::AddDims::new(axes).output_shape(&shape),
                Axes::Remove => array::Squeeze::new(Some(axes)).output_shape(&shape)?,
            };
            s.equals(&outputs[0].shape, out)
        })
    }

    fn wire(&self, prefix: &str, model: &mut TypedModel, inputs: &[OutletId]) -> TractResult<TVec<OutletId>> {
        if self.0 == Axes::Remove && inputs.len() == 1 {
            return array::Squeeze::new(None).wire(prefix, model, inputs);
        }
        let Some(axes) = model.outlet_fact(inputs[1])?.konst.clone() else {
            bail!("{}: the axes input must be a constant", self.name())
        };
        let axes = axes_of(&axes)?;
        match self.0 {
            Axes::Insert => array::AddDims::new(axes).wire(prefix, model, &inputs[..1]),
            Axes::Remove => array::Squeeze::new(Some(axes)).wire(prefix, model, &inputs[..1]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{check_operators, onnx};
    use tract_onnx::pb::{GraphProto, ModelProto, NodeProto};
    use tract_onnx::prelude::*;

    /// Each node of the shipped model's optimized graph, after `edit`: name, operator, its
    /// parameters and output types.
    fn optimized(framework: &tract_onnx::Onnx, edit: impl Fn(&mut ModelProto)) -> Vec<String> {
        let bytes = include_bytes!("../../models/rempart.onnx");
        let mut proto = framework.proto_model_for_read(&mut &bytes[..]).unwrap();
        edit(&mut proto);
        let model = framework.model_for_proto_model(&proto).and_then(|m| m.into_optimized()).unwrap();
        let node = |n: &TypedNode| format!("{} {} {:?} {:?}", n.name, n.op().name(), n.op().info().unwrap(), n.outputs.iter().map(|o| (o.fact.datum_type, &o.fact.shape)).collect::<Vec<_>>());
        model.nodes().iter().map(node).collect()
    }

    #[test]
    fn the_shipped_model_optimizes_to_the_same_graph_as_with_every_operator() {
        let ours = optimized(&onnx(), |_| {});
        assert!(ours.len() > 5, "{ours:?}");
        assert_eq!(ours, optimized(&tract_onnx::onnx(), |_| {}));
    }

    /// The shipped model with its Squeeze nodes' axes input dropped (every axis of size 1).
    fn drop_squeeze_axes(proto: &mut ModelProto) {
        let graph = proto.graph.as_mut().unwrap();
        let squeezes = graph.node.iter_mut().filter(|n| n.op_type == "Squeeze").map(|n| n.input.truncate(1)).count();
        assert_eq!(squeezes, 2);
    }

    #[test]
    fn a_squeeze_without_axes_input_is_read_as_tract_onnx_reads_it() {
        assert_eq!(optimized(&onnx(), drop_squeeze_axes), optimized(&tract_onnx::onnx(), drop_squeeze_axes));
    }

    fn graph_of(op_type: &str, domain: &str) -> ModelProto {
        let node = NodeProto { op_type: op_type.into(), domain: domain.into(), ..Default::default() };
        ModelProto { graph: Some(GraphProto { node: vec![node], ..Default::default() }), ..Default::default() }
    }

    #[test]
    fn only_the_tables_operators_pass_in_the_default_domain() {
        assert!(check_operators(&graph_of("Relu", "")).is_ok());
        assert!(check_operators(&graph_of("Relu", "ai.onnx")).is_ok());
        let err = check_operators(&graph_of("Relu", "com.microsoft")).unwrap_err();
        assert!(err.contains("Relu (domain com.microsoft)"), "{err}");
        let err = check_operators(&graph_of("STFT", "")).unwrap_err();
        assert!(err.contains("operator STFT") && err.contains("Add, Sub"), "{err}");
        assert!(check_operators(&ModelProto::default()).is_err());
    }
}
