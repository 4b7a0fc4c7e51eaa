using System.Runtime.CompilerServices;

namespace StandardsKit.Benchmarks;

/// <summary>Receives hand-written decisions; a struct, so the JIT specialises and inlines each use.</summary>
public interface IDecisionSink
{
    void Item(int index, bool eligible);

    void Quantity(int slot, decimal value);
}

/// <summary>What the benchmarks return: how many decisions are eligible and the sum of the amounts, so nothing is optimised away.</summary>
public struct Summary : IDecisionSink
{
    public int Eligible;
    public decimal Total;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Item(int index, bool eligible) => Eligible += eligible ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Quantity(int slot, decimal value) => Total += value;
}

/// <summary>
/// The rules hard-coded in C#, as a developer would write them without StandardsKit: the baseline the engine
/// must stay within 3× of. Same rules as the embedded data for 310104 on 2024-06-01; the benchmarks check
/// that they agree with the engine on every generated resident before measuring.
/// </summary>
public static class HandWrittenRules
{
    /// <summary>The five items of the RulesEngine comparison: returns the sum of the levels.</summary>
    public static decimal Decide(BenchResident r)
    {
        decimal total = 0;
        if (r.Pregnant)
        {
            total += 9 + 2 + 1; // Shanghai antenatal checks, postpartum visits, national 42-day check
        }

        if (r.Age <= 6)
        {
            total += 13;
        }

        if (r.OnlyChildDeceased)
        {
            total += 590;
        }
        else if (r.OnlyChildDisabled)
        {
            total += 460;
        }

        if (r.Sex == "female" && r.RuralHukou && (r.PlanningPregnancy || (r.Pregnant && r.PregnancyWeeks < 13)))
        {
            total += 0.4m + 6;
        }

        if (r.Age >= 65 && r.Hukou.StartsWith("31", StringComparison.Ordinal))
        {
            total += r.Age >= 100 ? 600 : r.Age >= 90 ? 350 : r.Age >= 80 ? 180 : r.Age >= 70 ? 150 : 75;
        }

        return total;
    }

    /// <summary>All 83 items in force in 310104 (Xuhui, Shanghai) on 2024-06-01, in the engine's order; 21 quantity slots.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decide<TSink>(in RawResident r, DateOnly on, ref TSink sink)
        where TSink : struct, IDecisionSink
    {
        var years = on.Year - r.BirthDate.Year;
        var age = r.BirthDate.AddYears(years) <= on ? years : years - 1;
        var disabled = r.DisabilityGrade != 0;
        var grade = r.DisabilityGrade;
        var shanghai = r.Hukou / 10000 == 31;
        var stage = r.SchoolStage;
        var compulsory = stage is SchoolStage.Primary or SchoolStage.Junior;
        var military = r.MilitaryStatus;
        var mentalOrIntellectual = r.DisabilityType is DisabilityType.Intellectual or DisabilityType.Mental;
        var poor = r.Dibao || r.ExtremePoverty || r.LowIncome;
        var hardship = r.FamilyFinancialHardship || r.Dibao || r.ExtremePoverty; // dibao and extreme poverty imply it

        sink.Item(0, r.PlanningPregnancy);
        if (r.PlanningPregnancy)
        {
            sink.Quantity(0, 1);
        }

        var maternal = r.Pregnant || r.Postpartum;
        sink.Item(1, maternal);
        if (maternal)
        {
            sink.Quantity(1, 9);
            sink.Quantity(2, 2);
            sink.Quantity(3, 1);
        }

        sink.Item(2, age >= 15 && age <= 49);
        sink.Item(3, r.Employed);
        sink.Item(4, age <= 6);
        sink.Item(5, age <= 6);
        if (age <= 6)
        {
            sink.Quantity(4, 13);
        }

        sink.Item(6, age < 18 && (r.Orphan || r.FactuallyUnattendedChild || r.HivStatus == HivStatus.Positive));
        sink.Item(7, r.ChildInDifficulty && age < 18);
        sink.Item(8, r.RuralHukou && r.LeftBehindChild && age < 16);
        var martyr = (military & MilitaryStatus.MartyrFamily) != 0;
        var preschool = stage == SchoolStage.Preschool && (r.FamilyFinancialHardship || r.Orphan || disabled || r.Dibao || r.LowIncome || r.ExtremePoverty || r.FormerlyPoorHousehold || martyr);
        sink.Item(9, preschool);
        if (preschool && (r.Dibao || r.ExtremePoverty || r.Orphan || r.FormerlyPoorHousehold || martyr))
        {
            sink.Quantity(5, 700);
        }

        sink.Item(10, compulsory);
        if (stage == SchoolStage.Primary)
        {
            sink.Quantity(6, 1600);
        }
        else if (stage == SchoolStage.Junior)
        {
            sink.Quantity(7, 1800);
        }

        if (compulsory && r.Boarder)
        {
            sink.Quantity(8, 300);
        }

        sink.Item(11, compulsory);
        var living = compulsory && hardship;
        sink.Item(12, living);
        if (living)
        {
            sink.Quantity(9, stage == SchoolStage.Primary ? (r.Boarder ? 1000 : 500) : (r.Boarder ? 1250 : 625));
        }

        var nutrition = compulsory && r.NutritionProgrammeSchool;
        sink.Item(13, nutrition);
        if (nutrition)
        {
            sink.Quantity(10, 5);
        }

        var grant = stage == SchoolStage.Senior && hardship;
        sink.Item(14, grant);
        if (grant)
        {
            sink.Quantity(11, 2000);
        }

        sink.Item(15, stage == SchoolStage.Senior && (r.FormerlyPoorHousehold || hardship));
        sink.Item(16, stage == SchoolStage.Vocational && hardship);
        sink.Item(17, stage == SchoolStage.Vocational && (r.RuralHukou || hardship));
        sink.Item(18, true);
        sink.Item(19, age >= 16);
        sink.Item(20, age >= 16);
        sink.Item(21, age >= 16);
        sink.Item(22, r.UnemployedRecentGraduate || (age >= 16 && age <= 24 && r.RegisteredUnemployed));
        sink.Item(23, r.EmploymentDifficulty || r.ZeroEmploymentHousehold);
        sink.Item(24, age >= 16);
        sink.Item(25, true);
        sink.Item(26, r.Employed);
        sink.Item(27, r.LabourDispute);
        sink.Item(28, r.Employed || (r.RegisteredUnemployed && r.InvoluntaryUnemployment && r.UnemploymentInsuranceMonths >= 12));
        sink.Item(29, r.Employed);
        sink.Item(30, true);
        sink.Item(31, true);
        sink.Item(32, true);
        sink.Item(33, true);
        sink.Item(34, age >= 35 && r.ChronicDisease != ChronicDisease.None);
        sink.Item(35, r.EndemicDisease);
        sink.Item(36, r.SevereMentalDisorder);
        sink.Item(37, r.Tuberculosis);
        sink.Item(38, r.HivStatus == HivStatus.Positive);
        sink.Item(39, r.HivHighRiskBehaviour);
        sink.Item(40, true);
        sink.Item(41, r.Employed && r.OccupationalHazardExposure);
        sink.Item(42, r.Employed || r.MedicalInsuranceType == MedicalInsuranceType.Employee);
        sink.Item(43, !r.Employed && r.MedicalInsuranceType != MedicalInsuranceType.Employee);
        sink.Item(44, r.RuralHukou && age >= 60 && r.OnlyChildOrTwoDaughters);
        sink.Item(45, r.OnlyChildDeceased || r.OnlyChildDisabled || r.FamilyPlanningComplication != FamilyPlanningComplication.None);
        if (r.OnlyChildDeceased)
        {
            sink.Quantity(12, 590);
        }
        else if (r.OnlyChildDisabled)
        {
            sink.Quantity(12, 460);
        }

        switch (r.FamilyPlanningComplication)
        {
            case FamilyPlanningComplication.Grade1: sink.Quantity(13, 520); break;
            case FamilyPlanningComplication.Grade2: sink.Quantity(13, 390); break;
            case FamilyPlanningComplication.Grade3: sink.Quantity(13, 260); break;
        }

        sink.Item(46, age >= 65);
        if (age >= 65)
        {
            sink.Quantity(14, 1);
        }

        sink.Item(47, age >= 60 && poor && (age >= 80 || r.SelfCare != SelfCare.Able));
        sink.Item(48, r.Employed || r.PensionInsuranceType == PensionInsuranceType.Employee);
        sink.Item(49, age >= 16 && !r.Employed && r.PensionInsuranceType != PensionInsuranceType.Employee && stage == SchoolStage.None);
        sink.Item(50, r.UrbanHousingDifficulty && (r.HousingIncomeDifficulty || r.Dibao || r.LowIncome));
        sink.Item(51, r.ShantytownResident);
        sink.Item(52, r.RuralHukou && r.RuralHousingUnsafe && (r.RelapseRiskHousehold || r.Dibao
            || (r.ExtremePoverty && r.ExtremePovertySupport == ExtremePovertySupport.Dispersed) || r.SevereHardshipHousehold || r.LowIncome
            || (r.FormerlyPoorHousehold && !r.ReceivedHousingSupport)));
        sink.Item(53, r.Dibao);
        sink.Item(54, r.ExtremePoverty);
        sink.Item(55, poor);
        sink.Item(56, r.SevereHardshipHousehold);
        sink.Item(57, r.DisasterAffected);
        sink.Item(58, poor || r.LegalAidRegardlessOfMeans);
        var twoSubsidies = (disabled && (r.Dibao || r.LowIncome)) || (disabled && grade <= 2) || (grade == 3 && mentalOrIntellectual);
        sink.Item(59, twoSubsidies);
        if (twoSubsidies)
        {
            if (disabled && (r.Dibao || (grade <= 2 && !r.Employed)))
            {
                sink.Quantity(15, 410);
            }
            else if (disabled && r.LowIncome)
            {
                sink.Quantity(15, 290);
            }

            if (grade == 1)
            {
                sink.Quantity(16, 300);
            }
            else if (grade == 2 || (grade == 3 && mentalOrIntellectual))
            {
                sink.Quantity(16, 150);
            }
        }

        sink.Item(60, disabled);
        sink.Item(61, disabled && age < 18);
        sink.Item(62, disabled && age >= 16);
        sink.Item(63, disabled && age >= 16);
        sink.Item(64, disabled && (grade <= 2 || mentalOrIntellectual));
        sink.Item(65, disabled);
        sink.Item(66, disabled);
        sink.Item(67, military != MilitaryStatus.None);
        var veteran = (military & (MilitaryStatus.Veteran | MilitaryStatus.DemobilizedSoldier | MilitaryStatus.RetiredServiceMember)) != 0;
        sink.Item(68, veteran);
        sink.Item(69, veteran);
        if (veteran)
        {
            sink.Quantity(17, 2);
        }

        const MilitaryStatus bereaved = MilitaryStatus.MartyrFamily | MilitaryStatus.DutyDeathFamily | MilitaryStatus.IllnessDeathFamily;
        sink.Item(70, (military & bereaved) != 0 && (age >= 60 || disabled || age < 16));
        sink.Item(71, true);
        sink.Item(72, true);
        sink.Item(73, true);
        sink.Item(74, true);
        sink.Item(75, true);
        sink.Item(76, true);
        sink.Item(77, r.EthnicMinority);
        sink.Item(78, true);
        sink.Item(79, true);
        var folic = r.Sex == Sex.Female && r.RuralHukou && (r.PlanningPregnancy || (r.Pregnant && r.PregnancyWeeks < 13));
        sink.Item(80, folic);
        if (folic)
        {
            sink.Quantity(18, 0.4m);
            sink.Quantity(19, 6);
        }

        sink.Item(81, shanghai && (military & MilitaryStatus.DisabledServiceMember) != 0 && r.MilitaryDisabilityGrade != 0 && r.MilitaryDisabilityGrade <= 4);
        var elderly = age >= 65 && shanghai;
        sink.Item(82, elderly);
        if (elderly)
        {
            sink.Quantity(20, age >= 100 ? 600 : age >= 90 ? 350 : age >= 80 ? 180 : age >= 70 ? 150 : 75);
        }
    }
}
