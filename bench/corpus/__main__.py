from bench.corpus import main

main()
