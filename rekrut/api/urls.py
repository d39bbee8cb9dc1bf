from ninja import NinjaAPI

api = NinjaAPI(title="Rekrut API", version="1", urls_namespace="api")
