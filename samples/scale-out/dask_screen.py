#!/usr/bin/env python3
"""Screen a JSON Lines file of residents on a Dask cluster by piping each partition through `standardskit screen`.

This is the contract Spark's RDD.pipe and Hadoop Streaming use: every worker starts the command, writes its
partition's lines to its standard input and reads result lines from its standard output. Rows should carry an
"id" (a row without one is named by its line number, which is only unique within a partition).

    python3 dask_screen.py residents.jsonl results.jsonl --workers 2 --partition-bytes 65536 \
        -- standardskit screen --county 310104 --on 2024-06-01

Everything after "--" is the screening command. The output keeps the input order (Dask bags keep partition
order), so it equals a single `standardskit screen` run over the whole file.
"""
import argparse
import subprocess
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster


def screen_partition(lines, command):
    """Pipes one partition through the screening command; a failing command fails the partition, loudly."""
    text = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
    run = subprocess.run(command, input=text.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    # Exit 1 means "some rows had errors" (reported on stderr, the run went on); anything else is a failure.
    if run.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {run.returncode}: {run.stderr.decode('utf-8', 'replace')}")
    if run.returncode == 1:
        sys.stderr.write(run.stderr.decode("utf-8", "replace"))
    return run.stdout.decode("utf-8").splitlines(keepends=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="residents, JSON Lines")
    parser.add_argument("output", help="results, JSON Lines (or CSV if the command says --format csv)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-bytes", type=int, default=1 << 20, help="bytes of input per partition")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    if not command:
        parser.error("give the screening command after --, e.g. -- standardskit screen --county 310104")

    # Processes, not threads: each worker is its own Python process, as executors are on a real cluster.
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster):
        bag = db.read_text(args.input, blocksize=args.partition_bytes)
        results = bag.map_partitions(screen_partition, command)
        partitions = results.npartitions
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.writelines(results.compute())
    print(f"screened {args.input} in {partitions} partitions on {args.workers} workers", file=sys.stderr)


if __name__ == "__main__":
    main()
