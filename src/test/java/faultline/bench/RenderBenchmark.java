package faultline.bench;

/** The timeline render benchmark (filled in with the timeline canvas). */
final class RenderBenchmark {
    private RenderBenchmark() {
    }

    static void main(String[] args) {
        System.out.println("render benchmark: not written yet");
    }
}
