# Convenience aliases for ./dev.sh (the README's commands need only bash).
.PHONY: run test asan bench package clean
run test asan bench package:
	./dev.sh $@
clean:
	rm -rf build
