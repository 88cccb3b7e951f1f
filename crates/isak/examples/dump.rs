fn main() {
    let p = std::env::args().nth(1).unwrap();
    let r = infoklass_isak::read_file(std::path::Path::new(&p), &Default::default(), &Default::default());
    match r {
        Ok(w) => println!("{}", serde_json::to_string_pretty(&w).unwrap()),
        Err(e) => println!("ERR {} {}", e.code(), e.message_sv()),
    }
}
