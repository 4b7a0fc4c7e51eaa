using StandardsKit.Screening;

namespace StandardsKit.Benchmarks;

/// <summary>
/// What a caller writes to screen its own records: fact handles looked up once by name, then one typed set per
/// fact per record, no dictionary and no allocation.
/// </summary>
public sealed class RowFiller(ResidentRowLayout rows)
{
    private readonly FactHandle _birthDate = rows.Fact("birthDate");
    private readonly FactHandle _sex = rows.Fact("sex");
    private readonly FactHandle _hukou = rows.Fact("hukou");
    private readonly FactHandle _ruralHukou = rows.Fact("ruralHukou");
    private readonly FactHandle _residence = rows.Fact("residence");
    private readonly FactHandle _residenceMonths = rows.Fact("residenceMonths");
    private readonly FactHandle _pregnant = rows.Fact("pregnant");
    private readonly FactHandle _planningPregnancy = rows.Fact("planningPregnancy");
    private readonly FactHandle _pregnancyWeeks = rows.Fact("pregnancyWeeks");
    private readonly FactHandle _disabilityGrade = rows.Fact("disabilityGrade");
    private readonly FactHandle _disabilityType = rows.Fact("disabilityType");
    private readonly FactHandle _dibao = rows.Fact("dibao");
    private readonly FactHandle _lowIncome = rows.Fact("lowIncome");
    private readonly FactHandle _extremePoverty = rows.Fact("extremePoverty");
    private readonly FactHandle _orphan = rows.Fact("orphan");
    private readonly FactHandle _schoolStage = rows.Fact("schoolStage");
    private readonly FactHandle _militaryStatus = rows.Fact("militaryStatus");
    private readonly FactHandle _onlyChildDeceased = rows.Fact("onlyChildDeceased");
    private readonly FactHandle _onlyChildDisabled = rows.Fact("onlyChildDisabled");
    private readonly FactHandle _registeredUnemployed = rows.Fact("registeredUnemployed");
    private readonly FactHandle _selfCare = rows.Fact("selfCare");
    private readonly FactHandle _employed = rows.Fact("employed");
    private readonly FactHandle _medicalInsuranceType = rows.Fact("medicalInsuranceType");
    private readonly FactHandle _childInDifficulty = rows.Fact("childInDifficulty");
    private readonly FactHandle _leftBehindChild = rows.Fact("leftBehindChild");
    private readonly FactHandle _familyFinancialHardship = rows.Fact("familyFinancialHardship");
    private readonly FactHandle _boarder = rows.Fact("boarder");
    private readonly FactHandle _nutritionProgrammeSchool = rows.Fact("nutritionProgrammeSchool");
    private readonly FactHandle _unemployedRecentGraduate = rows.Fact("unemployedRecentGraduate");
    private readonly FactHandle _employmentDifficulty = rows.Fact("employmentDifficulty");
    private readonly FactHandle _zeroEmploymentHousehold = rows.Fact("zeroEmploymentHousehold");
    private readonly FactHandle _labourDispute = rows.Fact("labourDispute");
    private readonly FactHandle _chronicDisease = rows.Fact("chronicDisease");
    private readonly FactHandle _endemicDisease = rows.Fact("endemicDisease");
    private readonly FactHandle _severeMentalDisorder = rows.Fact("severeMentalDisorder");
    private readonly FactHandle _tuberculosis = rows.Fact("tuberculosis");
    private readonly FactHandle _hivStatus = rows.Fact("hivStatus");
    private readonly FactHandle _hivHighRiskBehaviour = rows.Fact("hivHighRiskBehaviour");
    private readonly FactHandle _occupationalHazardExposure = rows.Fact("occupationalHazardExposure");
    private readonly FactHandle _onlyChildOrTwoDaughters = rows.Fact("onlyChildOrTwoDaughters");
    private readonly FactHandle _urbanHousingDifficulty = rows.Fact("urbanHousingDifficulty");
    private readonly FactHandle _shantytownResident = rows.Fact("shantytownResident");
    private readonly FactHandle _ruralHousingUnsafe = rows.Fact("ruralHousingUnsafe");
    private readonly FactHandle _relapseRiskHousehold = rows.Fact("relapseRiskHousehold");
    private readonly FactHandle _formerlyPoorHousehold = rows.Fact("formerlyPoorHousehold");
    private readonly FactHandle _receivedHousingSupport = rows.Fact("receivedHousingSupport");
    private readonly FactHandle _extremePovertySupport = rows.Fact("extremePovertySupport");
    private readonly FactHandle _severeHardshipHousehold = rows.Fact("severeHardshipHousehold");
    private readonly FactHandle _disasterAffected = rows.Fact("disasterAffected");
    private readonly FactHandle _ethnicMinority = rows.Fact("ethnicMinority");
    private readonly FactHandle _militaryDisabilityGrade = rows.Fact("militaryDisabilityGrade");
    private readonly FactHandle _orphanCare = rows.Fact("orphanCare");
    private readonly FactHandle _burialType = rows.Fact("burialType");
    private readonly FactHandle _planningMarriage = rows.Fact("planningMarriage");
    private readonly FactHandle _factuallyUnattendedChild = rows.Fact("factuallyUnattendedChild");
    private readonly FactHandle _pensionInsuranceType = rows.Fact("pensionInsuranceType");
    private readonly FactHandle _housingIncomeDifficulty = rows.Fact("housingIncomeDifficulty");
    private readonly FactHandle _postpartum = rows.Fact("postpartum");
    private readonly FactHandle _involuntaryUnemployment = rows.Fact("involuntaryUnemployment");
    private readonly FactHandle _unemploymentInsuranceMonths = rows.Fact("unemploymentInsuranceMonths");
    private readonly FactHandle _legalAidRegardlessOfMeans = rows.Fact("legalAidRegardlessOfMeans");
    private readonly FactHandle _familyPlanningComplication = rows.Fact("familyPlanningComplication");

    public void Fill(ref ResidentRow row, in RawResident r)
    {
        row.Clear();
        row.Set(_birthDate, r.BirthDate);
        row.SetIndex(_sex, (int)r.Sex);
        row.SetDivision(_hukou, r.Hukou);
        row.Set(_ruralHukou, r.RuralHukou);
        row.SetDivision(_residence, r.Residence);
        row.Set(_residenceMonths, r.ResidenceMonths);
        row.Set(_pregnant, r.Pregnant);
        row.Set(_planningPregnancy, r.PlanningPregnancy);
        row.Set(_pregnancyWeeks, r.PregnancyWeeks);
        if (r.DisabilityGrade != 0)
        {
            row.Set(_disabilityGrade, r.DisabilityGrade);
        }

        if (r.DisabilityType is { } disabilityType)
        {
            row.SetIndex(_disabilityType, (int)disabilityType);
        }

        row.Set(_dibao, r.Dibao);
        row.Set(_lowIncome, r.LowIncome);
        row.Set(_extremePoverty, r.ExtremePoverty);
        row.Set(_orphan, r.Orphan);
        row.SetIndex(_schoolStage, (int)r.SchoolStage);
        row.SetMask(_militaryStatus, (ulong)r.MilitaryStatus); // absent: unknown, so "none" is the empty set, stated

        row.Set(_onlyChildDeceased, r.OnlyChildDeceased);
        row.Set(_onlyChildDisabled, r.OnlyChildDisabled);
        row.Set(_registeredUnemployed, r.RegisteredUnemployed);
        row.SetIndex(_selfCare, (int)r.SelfCare);
        row.Set(_employed, r.Employed);
        row.SetIndex(_medicalInsuranceType, (int)r.MedicalInsuranceType);
        row.Set(_childInDifficulty, r.ChildInDifficulty);
        row.Set(_leftBehindChild, r.LeftBehindChild);
        row.Set(_familyFinancialHardship, r.FamilyFinancialHardship);
        row.Set(_boarder, r.Boarder);
        row.Set(_nutritionProgrammeSchool, r.NutritionProgrammeSchool);
        row.Set(_unemployedRecentGraduate, r.UnemployedRecentGraduate);
        row.Set(_employmentDifficulty, r.EmploymentDifficulty);
        row.Set(_zeroEmploymentHousehold, r.ZeroEmploymentHousehold);
        row.Set(_labourDispute, r.LabourDispute);
        row.SetMask(_chronicDisease, (ulong)r.ChronicDisease);
        row.Set(_endemicDisease, r.EndemicDisease);
        row.Set(_severeMentalDisorder, r.SevereMentalDisorder);
        row.Set(_tuberculosis, r.Tuberculosis);
        row.SetIndex(_hivStatus, (int)r.HivStatus);
        row.Set(_hivHighRiskBehaviour, r.HivHighRiskBehaviour);
        row.Set(_occupationalHazardExposure, r.OccupationalHazardExposure);
        row.Set(_onlyChildOrTwoDaughters, r.OnlyChildOrTwoDaughters);
        row.Set(_urbanHousingDifficulty, r.UrbanHousingDifficulty);
        row.Set(_shantytownResident, r.ShantytownResident);
        row.Set(_ruralHousingUnsafe, r.RuralHousingUnsafe);
        row.Set(_relapseRiskHousehold, r.RelapseRiskHousehold);
        row.Set(_formerlyPoorHousehold, r.FormerlyPoorHousehold);
        row.Set(_receivedHousingSupport, r.ReceivedHousingSupport);
        if (r.ExtremePovertySupport is { } support)
        {
            row.SetIndex(_extremePovertySupport, (int)support);
        }

        row.Set(_severeHardshipHousehold, r.SevereHardshipHousehold);
        row.Set(_disasterAffected, r.DisasterAffected);
        row.Set(_ethnicMinority, r.EthnicMinority);
        if (r.MilitaryDisabilityGrade != 0)
        {
            row.Set(_militaryDisabilityGrade, r.MilitaryDisabilityGrade);
        }

        if (r.OrphanCare is { } care)
        {
            row.SetIndex(_orphanCare, (int)care);
        }

        if (r.BurialType is { } burial)
        {
            row.SetIndex(_burialType, (int)burial);
        }

        row.Set(_planningMarriage, r.PlanningMarriage);
        row.Set(_factuallyUnattendedChild, r.FactuallyUnattendedChild);
        row.SetIndex(_pensionInsuranceType, (int)r.PensionInsuranceType);
        row.Set(_housingIncomeDifficulty, r.HousingIncomeDifficulty);
        row.Set(_postpartum, r.Postpartum);
        row.Set(_involuntaryUnemployment, r.InvoluntaryUnemployment);
        row.Set(_unemploymentInsuranceMonths, r.UnemploymentInsuranceMonths);
        row.Set(_legalAidRegardlessOfMeans, r.LegalAidRegardlessOfMeans);
        row.SetIndex(_familyPlanningComplication, (int)r.FamilyPlanningComplication);
    }
}
