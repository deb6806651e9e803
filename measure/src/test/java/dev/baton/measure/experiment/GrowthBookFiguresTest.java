package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;
import static dev.baton.measure.experiment.Figures.compare;
import static dev.baton.measure.experiment.Figures.rounded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * gbstats 0.8.0 (MIT) figures: the GB-* vectors of the shared reference file with their full
 * precision, and further cases run through gbstats here (same inputs, one setting changed), so
 * that every method, alternative and metric kind is pinned to the reference implementation.
 */
class GrowthBookFiguresTest {

    static final double REL = 1e-9;
    static final SampleMean A = new SampleMean(3407, 1396.87, 52377.9767);
    static final SampleMean B = new SampleMean(3461, 2422.7, 134698.29);
    static final Settings FREQ = Settings.defaults();

    @Test
    void welchTTestOnARelativeLiftMatchesGbTtestRel() {
        Comparison c = compare(FREQ, A, B);
        close(c.expected(), 0.7073170731707317, REL);
        close(c.ci().low(), -0.03526008906611777, REL);
        close(c.ci().high(), 1.449894235407581, REL);
        close(c.upliftStddev(), 0.3787943616681428, REL);
        close(c.pValue(), 0.06191182745618362, REL);
        assertThat(c.baselineMean()).isEqualTo(0.41);
        assertThat(c.armMean()).isEqualTo(0.7);
        assertThat(c.chanceToWin()).isNull();
        assertThat(c.summary()).contains("+70.7%").contains("not significant at α = 0.05");
        // printed precision of the vector
        rounded(c.pValue(), 0.06191, 5);
        rounded(c.ci().low(), -0.03526, 5);
    }

    @Test
    void welchDegreesOfFreedomAreWelchSatterthwaite() {
        Effect effect = Effect.of("a", A, "b", B, true);
        close(effect.dof(), 5841.742032093565, REL);
        close(Effect.of("a", new Proportion(28, 14), "b", new Proportion(30, 16), true).dof(), 55.70744914862206, REL);
    }

    @Test
    void proportionsUsePQWithoutCorrectionMatchesGbTtestBinom() {
        Comparison c = compare(FREQ, new Proportion(28, 14), new Proportion(30, 16));
        close(c.expected(), 0.06666666666666665, REL);
        close(c.ci().low(), -0.477674027893795, REL);
        close(c.ci().high(), 0.6110073612271283, REL);
        close(c.upliftStddev(), 0.27169855689735606, REL);
        close(c.pValue(), 0.8070716832021887, REL);
    }

    @Test
    void oneSidedTestsOpenTheIntervalOnTheOtherSide() {
        Comparison greater = compare(FREQ.withAlternative(Alternative.GREATER), A, B);
        close(greater.ci().low(), 0.08415697243115916, REL);
        assertThat(greater.ci().high()).isNull();
        close(greater.pValue(), 0.03095591372809181, REL);
        Comparison less = compare(FREQ.withAlternative(Alternative.LESS), A, B);
        assertThat(less.ci().low()).isNull();
        close(less.ci().high(), 1.330477173910304, REL);
        close(less.pValue(), 0.9690440862719082, REL);
    }

    @Test
    void absoluteDifferenceIsMeanMinusMean() {
        Comparison c = compare(FREQ.withDifference(Difference.ABSOLUTE), A, B);
        close(c.expected(), 0.29, REL);
        close(c.ci().low(), 0.04537789255929012, REL);
        close(c.ci().high(), 0.5346221074407098, REL);
        close(c.pValue(), 0.020158402643587037, REL);
    }

    @Test
    void sequentialWithTuning1000MatchesGbSeqMeanT1000() {
        Settings seq = FREQ.withMethod(Method.SEQUENTIAL).withSequentialTuning(1000);
        Comparison c = compare(seq, new SampleMean(3000, 1396.87, 52377.9767), B);
        close(c.expected(), 0.5033610858562358, REL);
        close(c.ci().low(), -0.5584405051077315, REL);
        close(c.ci().high(), 1.5651626768202032, REL);
        close(c.upliftStddev(), 0.3334122146400735, REL);
        assertThat(c.pValue()).isEqualTo(1.0);
    }

    @Test
    void sequentialDefaultsAndOneSidedVariantsMatchGbstats() {
        Settings seq = FREQ.withMethod(Method.SEQUENTIAL);
        Comparison two = compare(seq, A, B);
        close(two.ci().low(), -0.4444237691289097, REL);
        close(two.ci().high(), 1.859057915470373, REL);
        close(two.pValue(), 0.6986728582483058, REL);
        Comparison greater = compare(seq.withAlternative(Alternative.GREATER), A, B);
        close(greater.ci().low(), -0.34639397202561084, REL);
        assertThat(greater.ci().high()).isNull();
        close(greater.pValue(), 0.4123185641479493, REL);
        Comparison less = compare(seq.withAlternative(Alternative.LESS), A, B);
        close(less.ci().high(), 1.7610281183670742, REL);
        assertThat(less.pValue()).isEqualTo(0.4999);
        Comparison binomLess = compare(seq.withAlternative(Alternative.LESS), new Proportion(1000, 100),
                new Proportion(1000, 60));
        close(binomLess.ci().high(), -0.12804007634325265, REL);
        close(binomLess.pValue(), 0.0014755345404148098, REL);
    }

    @Test
    void bayesianWithFlatPriorMatchesGbBayesBinom() {
        Comparison c = compare(FREQ.withMethod(Method.BAYESIAN), new Proportion(100, 49), new Proportion(100, 51));
        close(c.expected(), 0.04081632653061228, REL);
        close(c.ci().low(), -0.24779335974122607, REL);
        close(c.ci().high(), 0.3294260128024506, REL);
        close(c.upliftStddev(), 0.14725254573469446, REL);
        close(c.chanceToWin(), 0.6091813095808981, REL);
        close(c.risk().baseline(), 0.0813958491551631, REL);
        close(c.risk().arm(), 0.04057952262455082, REL);
        assertThat(c.pValue()).isNull();
        rounded(c.risk().baseline(), 0.0814, 5);
    }

    @Test
    void bayesianWithAProperPriorShrinksTowardsIt() {
        Settings bayes = FREQ.withMethod(Method.BAYESIAN).withPrior(new Prior(0.1, 0.09));
        Comparison c = compare(bayes, A, B);
        close(c.expected(), 0.33409853804647066, REL);
        close(c.upliftStddev(), 0.23517714374509555, REL);
        close(c.ci().low(), -0.12684019368091598, REL);
        close(c.chanceToWin(), 0.922287101768783, REL);
        close(c.risk().baseline(), 0.34233775169104536, REL);
        close(c.risk().arm(), 0.008239213644574757, REL);
        Comparison absolute = compare(bayes.withDifference(Difference.ABSOLUTE), A, B);
        close(absolute.expected(), 0.16370770544506943, REL);
        close(absolute.ci().high(), 0.33539650174862357, REL);
        close(absolute.chanceToWin(), 0.969178399906319, REL);
        close(absolute.risk().arm(), 0.0010495312897399456, REL);
    }

    @Test
    void bayesianTailsKeepTheirPrecisionAndTheShortCircuitTakesTheLimit() {
        Settings bayes = FREQ.withMethod(Method.BAYESIAN);
        Comparison big = compare(bayes, new Proportion(100000, 10000), new Proportion(100000, 13000));
        close(big.risk().baseline(), 0.3, REL);
        close(big.risk().arm(), 3.852342884123938e-79, 1e-6);
        Comparison neg = compare(bayes, new Proportion(1000, 100), new Proportion(1000, 60));
        close(neg.chanceToWin(), 1.094119966807004e-05, REL);
        close(neg.risk().baseline(), 2.2135795690939108e-07, 1e-7);
        close(neg.risk().arm(), 0.400000221357957, REL);
        Comparison.Risk limit = BayesianTest.risk(-4, 0.1);
        assertThat(limit.baseline()).isZero();
        assertThat(limit.arm()).isEqualTo(4);
    }

    @Test
    void ratioMetricsUseTheDeltaMethod() {
        RatioStatistic a = new RatioStatistic(1000, new SampleMean(1000, 5000, 40000), new SampleMean(1000, 2000, 6000),
                12000);
        RatioStatistic b = new RatioStatistic(1020, new SampleMean(1020, 5500, 45000),
                new SampleMean(1020, 2050, 6300), 13000);
        Comparison c = compare(FREQ, a, b);
        close(c.expected(), 0.07317073170731714, REL);
        close(c.ci().low(), -0.005072480785654157, REL);
        close(c.upliftStddev(), 0.039896744173352296, REL);
        close(c.pValue(), 0.0668011098492276, REL);
        Comparison abs = compare(FREQ.withDifference(Difference.ABSOLUTE), a, b);
        close(abs.expected(), 0.18292682926829285, REL);
        close(abs.pValue(), 0.057774971967505584, REL);
    }

    static final CupedStatistic CA = new CupedStatistic(3001, new SampleMean(3001, 300, 600),
            new SampleMean(3001, 210, 415), -20);
    static final CupedStatistic CB = new CupedStatistic(3000, new SampleMean(3000, 222, 555),
            new SampleMean(3000, 120, 405), -10);

    @Test
    void cupedMatchesGbCupedRaWithPooledThetaAndTheUnadjustedBaseline() {
        close(Theta.pooled(CA, CB), -0.07321194034813545, REL);
        Comparison c = compare(FREQ, CA, CB);
        close(c.expected(), -0.2817071538457276, REL);
        close(c.ci().low(), -0.47206764569207416, REL);
        close(c.ci().high(), -0.09134666199938105, REL);
        close(c.upliftStddev(), 0.09710487644510962, REL);
        close(c.pValue(), 0.003732548615239084, REL);
        close(Effect.of("a", CA, "b", CB, true).dof(), 5995.24042250744, REL);
        // reported means are the unadjusted ones (gbstats' cr)
        rounded(c.baselineMean(), 0.099966678, 9);
        rounded(c.armMean(), 0.074, 9);
    }

    @Test
    void cupedWorksWithEveryMethodAndTheAbsoluteDifference() {
        Comparison abs = compare(FREQ.withDifference(Difference.ABSOLUTE), CA, CB);
        close(abs.expected(), -0.02816132827514771, REL);
        close(abs.pValue(), 0.011029368646360727, REL);
        Comparison bayes = compare(FREQ.withMethod(Method.BAYESIAN), CA, CB);
        close(bayes.chanceToWin(), 0.0018595083560620368, REL);
        close(bayes.risk().baseline(), 5.2407295608642445e-05, 1e-8);
        Comparison seq = compare(FREQ.withMethod(Method.SEQUENTIAL), CA, CB);
        close(seq.ci().high(), 0.013168171383109217, REL);
        close(seq.pValue(), 0.07197882787660587, REL);
    }
}
