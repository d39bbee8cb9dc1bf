app_name = "interviews"

urlpatterns: list = []
