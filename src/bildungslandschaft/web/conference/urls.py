from django.urls import path

from bildungslandschaft.web.conference import staff, views

app_name = "conference"
urlpatterns = [
    path("veranstaltungen/", views.events, name="events"),
    path("<slug:event>/", views.program, name="program"),
    path("<slug:event>/programm.pdf", views.program_pdf, name="program-pdf"),
    path("<slug:event>/programm.<str:fmt>", views.program_export, name="program-export"),
    path("<slug:event>/sessions/<slug:key>/", views.session_detail, name="session"),
    path("<slug:event>/anmeldung/", views.register, name="register"),
    path("<slug:event>/ich/<str:token>/", views.personal, name="personal"),
    path("<slug:event>/ich/<str:token>/kalender.ics", views.personal_calendar, name="personal-calendar"),
    path("<slug:event>/ich/<str:token>/meine-daten.json", views.personal_data, name="personal-data"),
    path("<slug:event>/ich/<str:token>/abmelden/", views.cancel, name="cancel"),
    path("<slug:event>/dokumentation/", views.documentation, name="documentation"),
    path("<slug:event>/dokumentation/foto/<int:photo>/", views.photo, name="photo"),
    path("<slug:event>/dokumentation.pdf", views.documentation_pdf, name="documentation-pdf"),
    path("<slug:event>/intern/", staff.overview, name="staff"),
    path("<slug:event>/intern/anmeldungen.csv", staff.registrations_csv, name="staff-csv"),
    path("<slug:event>/intern/zuteilung/", staff.assignment, name="staff-assignment"),
    path("<slug:event>/intern/zuteilung/berechnen/", staff.solve, name="staff-solve"),
    path("<slug:event>/intern/zuteilung/festsetzen/", staff.pin, name="staff-pin"),
    path("<slug:event>/intern/zuteilung/loesen/", staff.unpin, name="staff-unpin"),
    path("<slug:event>/intern/zuteilung/veroeffentlichen/", staff.publish, name="staff-publish"),
    path("<slug:event>/intern/anwesenheit/<int:session>.pdf", staff.attendance_pdf, name="staff-attendance"),
    path("<slug:event>/intern/namensschilder.pdf", staff.badges_pdf, name="staff-badges"),
]
