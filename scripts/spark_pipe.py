#!/usr/bin/env python3
"""Run PressFacts as the map stage of Apache Spark (local mode) and check it.

PressFacts' JSON Lines mode (`pressfacts extract --jsonl`, documents on stdin,
one result per line on stdout) is the interface to an existing engine: Spark's
RDD.pipe starts one `pressfacts` per partition and streams the partition through
it. This script splits a JSON Lines corpus into several partitions, runs it
through Spark, runs the same corpus through one `pressfacts` process, and checks
that the two give the same records byte for byte after sorting by document id.

usage: python3 scripts/spark_pipe.py [--input FILE.jsonl] [--partitions N]
                                     [--binary .build/release/pressfacts]
Without --input it builds a corpus from corpus/*.txt (each document repeated
--copies times under new ids). Needs `pip install pyspark` and Java; not run in CI.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile


def build_corpus(path, copies):
    docs = sorted(glob.glob("corpus/*.txt"))
    with open(path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for doc in docs:
                text = open(doc, encoding="utf-8").read()
                doc_id = "%s-%04d" % (os.path.basename(doc)[:-4], copy)
                out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")


def sort_key(line):
    return (json.loads(line)["document"]["id"], line)


def single_process(binary, path):
    with open(path, "rb") as stdin:
        run = subprocess.run([binary, "extract", "--jsonl"], stdin=stdin,
                             stdout=subprocess.PIPE, check=True)
    return sorted(run.stdout.decode("utf-8").splitlines(), key=sort_key)


def spark(binary, path, partitions):
    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster("local[*]").setAppName("pressfacts-pipe")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(path, minPartitions=partitions)
        count = lines.getNumPartitions()
        records = lines.pipe("%s extract --jsonl --jobs 1" % binary).collect()
    finally:
        sc.stop()
    return count, sorted(records, key=sort_key)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--binary", default=".build/release/pressfacts")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    path = args.input
    if path is None:
        path = os.path.join(tempfile.mkdtemp(), "corpus.jsonl")
        build_corpus(path, args.copies)
    expected = single_process(binary, path)
    partitions, got = spark(binary, path, args.partitions)
    same = got == expected
    print("documents: %d, partitions: %d, records lines equal: %s" % (len(expected), partitions, same))
    if not same:
        for a, b in zip(expected, got):
            if a != b:
                print("first difference:\n  single: %s\n  spark:  %s" % (a[:300], b[:300]))
                break
        sys.exit(1)


if __name__ == "__main__":
    main()
