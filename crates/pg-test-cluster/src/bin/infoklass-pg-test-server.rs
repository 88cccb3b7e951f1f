//! Tests only: a throw-away PostgreSQL server for the end-to-end flows. Starts a server with
//! an empty database `infoklass` and the logins named as `LOGIN:PASSWORD` arguments, prints
//! the superuser's URL on one line, and stops and removes the server when standard input
//! closes (so it goes away with the test that started it).

use std::io::Write;

use infoklass_pg_test_cluster::Cluster;

fn main() {
    let Some(cluster) = Cluster::start() else {
        eprintln!("PostgreSQL is not installed");
        std::process::exit(2);
    };
    let db = cluster.create_database("infoklass");
    for pair in std::env::args().skip(1) {
        let (login, password) = pair.split_once(':').expect("logins are given as LOGIN:PASSWORD");
        cluster.create_login(login, password);
    }
    println!("{}", cluster.admin_url(&db));
    let _ = std::io::stdout().flush();
    let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
    drop(cluster);
}
