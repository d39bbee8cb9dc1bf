from rekrut.scheduling import urls_booking, urls_planning

app_name = "scheduling"
urlpatterns = [*urls_planning.urlpatterns, *urls_booking.urlpatterns]
