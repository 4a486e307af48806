//! `rempart` command line: `score` (JSON Lines in, JSON Lines out), `explain` (a human
//! explanation of one text), `features` (the featurizer, for the trainer), `verify` (evidence dossiers).

mod cli;
mod explain;
mod features;
mod score;
mod verify;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match cli::run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("rempart: {message}");
            2
        }
    };
    std::process::exit(code);
}
