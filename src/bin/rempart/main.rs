//! `rempart` command line: `score` (JSON Lines in, JSON Lines out), `explain` (a human
//! explanation of one text), `features` (the featurizer, for the trainer), `verify` (evidence
//! dossiers), `link` (accounts that are probably one person). `rempart --help` lists them.

mod cli;
mod explain;
mod features;
mod link;
mod score;
mod verify;

fn main() {
    let code = match cli::parse(std::env::args_os()) {
        Ok(parsed) => match cli::run(parsed) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("rempart: {message}");
                2
            }
        },
        Err(code) => code,
    };
    std::process::exit(code);
}
